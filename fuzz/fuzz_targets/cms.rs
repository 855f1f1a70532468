//! CMS SignedData parsing and verification (`jpki_verify::cms`), attached and detached, with
//! every committed root as anchor, every committed CRL, and the settings chosen by a flags
//! byte (`verify_cms`: content as bytes or a reader, revocation mode, signer requirement,
//! SHA-1, the validation time or the signing time). The first input byte picks the mode:
//!
//! - bit 0 clear: raw. `flags | content_flag | SignedData`: when `content_flag` is odd, the
//!   committed `content.txt` is supplied as detached content (through a reader when its
//!   bit 1 is set).
//! - bit 0 set: structure-aware. The rest drives `arbitrary`: one committed document is
//!   taken, mutated as a DER tree (attributes, signer identifiers, algorithms, certificates,
//!   CRLs and content types from `snippets` spliced in), and verified with the lenient
//!   backend (mostly) or the real one.
#![no_main]

use jpki_verify_fuzz::{
    CMS_CONTENT, CMS_DOCUMENTS, Node, lenient_backend, mutate_some, real_backend, verify_cms,
};
use libfuzzer_sys::arbitrary::{Result as ArbResult, Unstructured};
use libfuzzer_sys::fuzz_target;

fn structured(flags: u8, u: &mut Unstructured<'_>) -> ArbResult<()> {
    let (der, content) = *u.choose(CMS_DOCUMENTS)?;
    let mut tree = Node::parse(der).expect("committed DER");
    mutate_some(u, &mut tree, 4)?;
    let backend = if u.ratio(3, 4)? {
        lenient_backend()
    } else {
        real_backend()
    };
    let settings = (flags & !1) | u8::from(u.arbitrary::<bool>()?);
    verify_cms(backend, &tree.encode(), content, settings);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    if flags & 1 == 0 {
        let Some((&content_flag, signed)) = rest.split_first() else {
            return;
        };
        let content = (content_flag & 1 == 1).then_some(CMS_CONTENT);
        // Bit 0 of the settings: content as a reader (bit 1 of `content_flag`).
        let settings = (flags & !1) | (content_flag >> 1 & 1);
        verify_cms(real_backend(), signed, content, settings);
    } else {
        let _ = structured(flags, &mut Unstructured::new(rest));
    }
});

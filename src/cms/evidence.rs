//! Revocation evidence carried in CAdES-style unsigned attributes.

use alloc::vec::Vec;

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode, Sequence};

use super::MAX_CRLS;
use super::asn1::{Attribute, Element};
use crate::Error;
use crate::ocsp::asn1::RawSeq;

/// id-aa-ets-revocationValues (RFC 5126 6.3.4, ETSI EN 319 122-1).
const ID_AA_ETS_REVOCATION_VALUES: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.24");

/// `RevocationValues ::= SEQUENCE { crlVals [0] SEQUENCE OF CertificateList OPTIONAL,
/// ocspVals [1] SEQUENCE OF BasicOCSPResponse OPTIONAL, otherRevVals [2] OtherRevVals
/// OPTIONAL }` (EXPLICIT tags).
#[derive(Sequence)]
struct RevocationValuesAsn1<'a> {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    crl_vals: Option<RawSeq<'a>>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    ocsp_vals: Option<RawSeq<'a>>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    other_rev_vals: Option<AnyRef<'a>>,
}

/// The CRLs and BasicOCSPResponses of a signer's revocationValues attributes.
#[derive(Default)]
pub(crate) struct RevocationValues<'a> {
    pub(crate) crls: Vec<&'a [u8]>,
    pub(crate) basic_ocsp: Vec<&'a [u8]>,
}

impl<'a> RevocationValues<'a> {
    /// Collects the values of `attr` if it is revocationValues: at most [`MAX_CRLS`] items
    /// per signer ([`Error::CmsTooManyCrls`]); a malformed one is [`Error::CmsMalformed`].
    /// Other attributes are left alone. Other revocation formats (otherRevVals) are skipped.
    pub(crate) fn collect(&mut self, attr: &Attribute<'a>) -> Result<(), Error> {
        if attr.attr_type != ID_AA_ETS_REVOCATION_VALUES {
            return Ok(());
        }
        for value in attr
            .values
            .bounded::<Element<'a>>(super::MAX_ATTRIBUTES, Error::CmsTooManyAttributes)?
        {
            let values =
                RevocationValuesAsn1::from_der(value?.der).map_err(|_| Error::CmsMalformed)?;
            if let Some(seq) = values.crl_vals {
                let items = self.bounded(seq)?;
                self.crls.extend(items);
            }
            if let Some(seq) = values.ocsp_vals {
                let items = self.bounded(seq)?;
                self.basic_ocsp.extend(items);
            }
        }
        Ok(())
    }

    /// The elements of `seq`, if they fit in what is left of [`MAX_CRLS`].
    fn bounded(&self, seq: RawSeq<'a>) -> Result<impl Iterator<Item = &'a [u8]> + use<'a>, Error> {
        let room = MAX_CRLS.saturating_sub(self.crls.len() + self.basic_ocsp.len());
        seq.bounded_count(room, Error::CmsTooManyCrls, Error::CmsMalformed)?;
        Ok(seq.elements())
    }
}

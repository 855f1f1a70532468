//! The real J-LIS root certificates, pinned by the SHA-256 fingerprint of their DER.
//!
//! Source: `shared/reference/README.md` of this project (fingerprints computed from the
//! published root certificates). The user-authentication generation 2 fingerprint was not
//! found in any public source, so that root is unknown to the pin table: a verifier that
//! holds it adds it as a custom anchor.

/// Which certificate type a J-LIS root issues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JpkiPurpose {
    /// Signing certificates (署名用電子証明書).
    Signing,
    /// User-authentication certificates (利用者証明用電子証明書).
    UserAuthentication,
}

impl JpkiPurpose {
    /// A short stable name.
    pub const fn name(self) -> &'static str {
        match self {
            JpkiPurpose::Signing => "signing",
            JpkiPurpose::UserAuthentication => "user-authentication",
        }
    }
}

/// One pinned J-LIS root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JlisRootPin {
    /// The certificate type the root issues.
    pub purpose: JpkiPurpose,
    /// Root generation (1 from 2015, 2 from 2019, 3 from 2023).
    pub generation: u8,
    /// Serial number as printed by J-LIS (hex).
    pub serial_hex: &'static str,
    /// Validity as published, `YYYY-MM-DD..YYYY-MM-DD`.
    pub validity: &'static str,
    /// SHA-256 of the certificate's DER.
    pub sha256: [u8; 32],
}

/// The pinned roots. Generation 2 of the signing CA is pinned; generation 2 of the
/// user-authentication CA is not (no public fingerprint).
pub const JLIS_ROOT_PINS: &[JlisRootPin] = &[
    JlisRootPin {
        purpose: JpkiPurpose::Signing,
        generation: 1,
        serial_hex: "01",
        validity: "2015-10-20..2025-10-19",
        sha256: hex32("19645405a1fe14377434bd55957628ac4038557c542403a2243f21c706fc9355"),
    },
    JlisRootPin {
        purpose: JpkiPurpose::Signing,
        generation: 2,
        serial_hex: "0132C4AB",
        validity: "2019-09-14..2029-09-14",
        sha256: hex32("79679c33e4cc9319440f1ad120a597ff1844e2ef217063adb176966fd5e6fbeb"),
    },
    JlisRootPin {
        purpose: JpkiPurpose::Signing,
        generation: 3,
        serial_hex: "067C6A21",
        validity: "2023-07-16..2033-07-15",
        sha256: hex32("d227f6cde11d35c5252178f106f843d24651944975413b539fa2fb68dbfa365f"),
    },
    JlisRootPin {
        purpose: JpkiPurpose::UserAuthentication,
        generation: 1,
        serial_hex: "01",
        validity: "2015-10-20..2025-10-19",
        sha256: hex32("4dcfc4ca0aaf9fb2a3081b3f0c991c320b3acc008667a341eeaec5af1d58ca7d"),
    },
    JlisRootPin {
        purpose: JpkiPurpose::UserAuthentication,
        generation: 3,
        serial_hex: "06D18006",
        validity: "2023-07-16..2033-07-15",
        sha256: hex32("64114f29620c24ed2631d46476a040e7ee740d956089c00b036a6a8118c322b5"),
    },
];

/// The pin whose fingerprint equals SHA-256(`certificate_der`), if any.
pub fn pinned_root(certificate_der: &[u8]) -> Option<&'static JlisRootPin> {
    let digest = crate::hash::digest(crate::HashAlgorithm::Sha256, certificate_der);
    JLIS_ROOT_PINS
        .iter()
        .find(|pin| pin.sha256[..] == *digest.as_bytes())
}

/// Parses 64 hex digits at compile time (a malformed constant fails the build).
const fn hex32(hex: &str) -> [u8; 32] {
    let bytes = hex.as_bytes();
    assert!(bytes.len() == 64);
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = (nibble(bytes[2 * i]) << 4) | nibble(bytes[2 * i + 1]);
        i += 1;
    }
    out
}

const fn nibble(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => panic!("not a lowercase hex digit"),
    }
}

//! The revocation source of `chain`, `cms` and `timestamp` (and of the C ABI): the CRLs and
//! OCSP responses given, asked as one source, so that both front ends check revocation the
//! same way.

use jpki_verify::{
    CertStatus, Crl, CrlSet, Error, FirstOfSources, OcspResponse, OcspResponses, RevocationSource,
    StatusQuery,
};

/// The CRLs and OCSP responses given, asked as one revocation source: CRLs first, then
/// OCSP responses (the first source that knows a certificate answers).
pub struct Revocation<'a> {
    crls: CrlSet<'a>,
    ocsp: OcspResponses<'a>,
}

impl<'a> Revocation<'a> {
    /// A source over `crls` and `ocsp` (either may be empty).
    pub fn new(crls: &'a [Crl], ocsp: &'a [OcspResponse]) -> Self {
        Self {
            crls: CrlSet::new(crls),
            ocsp: OcspResponses::new(ocsp),
        }
    }
}

impl RevocationSource for Revocation<'_> {
    fn status(&self, query: &mut StatusQuery<'_>) -> Result<CertStatus, Error> {
        let sources: [&dyn RevocationSource; 2] = [&self.crls, &self.ocsp];
        FirstOfSources::new(&sources).status(query)
    }
}

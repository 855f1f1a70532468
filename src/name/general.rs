//! GeneralName (RFC 5280 4.2.1.6), decoded with x509-cert and kept in a form the validator
//! can compare: directory names normalized, string forms as text.

use alloc::string::String;
use alloc::vec::Vec;

use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use x509_cert::ext::pkix::name::GeneralName as X509GeneralName;

use super::DistinguishedName;
use crate::Error;

/// One name of the `GeneralName` CHOICE.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GeneralName {
    /// `directoryName` \[4\].
    DirectoryName(DistinguishedName),
    /// `rfc822Name` \[1\]: an e-mail address (or, in constraints, a host or domain).
    Rfc822Name(String),
    /// `dNSName` \[2\].
    DnsName(String),
    /// `uniformResourceIdentifier` \[6\].
    Uri(String),
    /// `iPAddress` \[7\]: 4 or 16 octets (8 or 32 with a mask in name constraints).
    IpAddress(Vec<u8>),
    /// `otherName` \[0\], e.g. the JPKI "basic four" attributes.
    OtherName {
        /// The `type-id`.
        type_id: ObjectIdentifier,
        /// DER of the value inside the `[0] EXPLICIT` wrapper.
        value: Vec<u8>,
    },
    /// `x400Address` \[3\], `ediPartyName` \[5\] or `registeredID` \[8\], as its DER.
    Other {
        /// The context tag number of the CHOICE alternative.
        tag_number: u8,
        /// The alternative's complete encoding.
        der: Vec<u8>,
    },
}

/// A name constraints subtree (RFC 5280 4.2.1.10); `minimum` 0 and `maximum` absent are
/// the only values the profile allows, so only the base is kept (other values make path
/// validation refuse the extension as malformed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneralSubtree {
    /// The subtree's base name.
    pub base: GeneralName,
}

impl GeneralName {
    /// The name form's tag number, used to match names against constraints of the same form.
    pub(crate) fn form(&self) -> u8 {
        match self {
            GeneralName::OtherName { .. } => 0,
            GeneralName::Rfc822Name(_) => 1,
            GeneralName::DnsName(_) => 2,
            GeneralName::DirectoryName(_) => 4,
            GeneralName::Uri(_) => 6,
            GeneralName::IpAddress(_) => 7,
            GeneralName::Other { tag_number, .. } => *tag_number,
        }
    }

    pub(crate) fn from_x509(name: &X509GeneralName) -> Result<Self, Error> {
        let bad = |_| Error::MalformedExtension;
        Ok(match name {
            X509GeneralName::DirectoryName(n) => {
                GeneralName::DirectoryName(DistinguishedName::from_der(&n.to_der().map_err(bad)?)?)
            }
            X509GeneralName::Rfc822Name(s) => GeneralName::Rfc822Name(String::from(s.as_str())),
            X509GeneralName::DnsName(s) => GeneralName::DnsName(String::from(s.as_str())),
            X509GeneralName::UniformResourceIdentifier(s) => {
                GeneralName::Uri(String::from(s.as_str()))
            }
            X509GeneralName::IpAddress(o) => GeneralName::IpAddress(o.as_bytes().to_vec()),
            X509GeneralName::OtherName(o) => GeneralName::OtherName {
                type_id: o.type_id,
                value: o.value.to_der().map_err(bad)?,
            },
            X509GeneralName::EdiPartyName(_) => GeneralName::Other {
                tag_number: 5,
                der: name.to_der().map_err(bad)?,
            },
            X509GeneralName::RegisteredId(_) => GeneralName::Other {
                tag_number: 8,
                der: name.to_der().map_err(bad)?,
            },
        })
    }

    /// Decodes a DER `GeneralNames` SEQUENCE.
    pub(crate) fn decode_sequence(der: &[u8]) -> Result<Vec<Self>, Error> {
        let names = Vec::<X509GeneralName>::from_der(der).map_err(|_| Error::MalformedExtension)?;
        names.iter().map(Self::from_x509).collect()
    }

    /// Whether two names denote the same thing (distribution point matching): directory
    /// names by RFC 5280 comparison, URIs and DNS names case-insensitively, others exactly.
    pub(crate) fn same_as(&self, other: &GeneralName) -> bool {
        match (self, other) {
            (GeneralName::DirectoryName(a), GeneralName::DirectoryName(b)) => a.key() == b.key(),
            (GeneralName::Uri(a), GeneralName::Uri(b))
            | (GeneralName::DnsName(a), GeneralName::DnsName(b)) => a.eq_ignore_ascii_case(b),
            _ => self == other,
        }
    }
}

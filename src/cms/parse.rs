//! A ContentInfo / SignedData (RFC 5652 3, 5.1, 5.2, 5.3) read once through the types of
//! [`super::asn1`], every count bounded before anything is decoded into owned values.

use alloc::vec::Vec;

use der::Decode;
use der::asn1::ObjectIdentifier;

use super::asn1::{
    Attribute, CertificateChoice, ContentInfo, RevocationInfoChoice, SetOf, SignedAttributes,
    SignedData, SignerIdentifier, SignerInfo,
};
use super::evidence::RevocationValues;
use super::{
    MAX_ATTRIBUTES, MAX_CERTIFICATES, MAX_CRLS, MAX_DIGEST_ALGORITHMS, MAX_INPUT_LEN, MAX_SIGNERS,
    oids,
};
use crate::alg_id::AlgorithmIdentifier;
use crate::{Error, Name};

/// A SignedData, split into its parts.
pub(crate) struct SignedDataParts<'a> {
    pub(crate) econtent_type: ObjectIdentifier,
    /// The octets of the eContent OCTET STRING, when the content is attached.
    pub(crate) econtent: Option<&'a [u8]>,
    /// DER of each embedded certificate (the `certificate` choice; other choices skipped).
    pub(crate) certificates: Vec<&'a [u8]>,
    /// DER of each embedded CRL (the `crl` choice).
    pub(crate) crls: Vec<&'a [u8]>,
    /// DER of each embedded OCSPResponse (`other` with id-ri-ocsp-response); other formats
    /// are skipped. Counted with the CRLs against `MAX_CRLS`.
    pub(crate) ocsp: Vec<&'a [u8]>,
    pub(crate) signers: Vec<SignerInfoParts<'a>>,
}

/// One SignerInfo.
pub(crate) struct SignerInfoParts<'a> {
    pub(crate) sid: RawSignerId<'a>,
    pub(crate) digest_algorithm: AlgorithmIdentifier<'a>,
    pub(crate) signed_attrs: Option<SignedAttrs<'a>>,
    pub(crate) signature_algorithm: AlgorithmIdentifier<'a>,
    pub(crate) signature: &'a [u8],
    /// The CRLs and OCSP responses of its CAdES revocationValues attribute.
    pub(crate) revocation_values: RevocationValues<'a>,
    /// The first value of the first signature-time-stamp unsigned attribute (RFC 3161
    /// appendix A), as DER; other unsigned attributes are carried, never interpreted.
    pub(crate) timestamp_token: Option<&'a [u8]>,
}

/// The signed attributes: the complete `[0] IMPLICIT` element as it appears in the input
/// (what the signature covers), and each attribute.
pub(crate) struct SignedAttrs<'a> {
    pub(crate) der: &'a [u8],
    pub(crate) attributes: Vec<Attribute<'a>>,
}

/// A SignerIdentifier as it appears in the input.
#[derive(Clone, Copy, Debug)]
pub(crate) enum RawSignerId<'a> {
    /// DER of the issuer `Name` and the serial number's INTEGER contents.
    IssuerAndSerial { issuer: &'a [u8], serial: &'a [u8] },
    /// The subjectKeyIdentifier octets.
    KeyId(&'a [u8]),
}

/// Longest serial number accepted in a SignerIdentifier, in content octets: RFC 5280's 20
/// octets, plus the sign octet some encoders add.
const MAX_SERIAL_LEN: usize = 21;

/// Splits a DER `ContentInfo` holding a `SignedData`.
pub(crate) fn parse(input: &[u8]) -> Result<SignedDataParts<'_>, Error> {
    if input.len() > MAX_INPUT_LEN {
        return Err(Error::CmsInputTooLarge);
    }
    let content_info = ContentInfo::from_der(input).map_err(|_| Error::CmsMalformed)?;
    if content_info.content_type != oids::SIGNED_DATA {
        return Err(Error::CmsNotSignedData);
    }
    let sd: SignedData<'_> = content_info
        .content
        .decode_as()
        .map_err(|_| Error::CmsMalformed)?;

    // digestAlgorithms: a hint for one-pass processing (5.1); bounded and well-formed, not used.
    for alg in sd.digest_algorithms.bounded::<AlgorithmIdentifier<'_>>(
        MAX_DIGEST_ALGORITHMS,
        Error::CmsTooManyDigestAlgorithms,
    )? {
        alg?;
    }

    let encap = sd.encap_content_info;

    let mut certificates = Vec::new();
    let (mut other_certificates, mut attribute_cert_v1, mut attribute_cert_v2) =
        (false, false, false);
    for choice in elements(
        sd.certificates,
        MAX_CERTIFICATES,
        Error::CmsTooManyCertificates,
    )? {
        match choice? {
            CertificateChoice::Certificate(cert) => certificates.push(cert.der),
            CertificateChoice::Extended => {}
            CertificateChoice::V1AttrCert => attribute_cert_v1 = true,
            CertificateChoice::V2AttrCert => attribute_cert_v2 = true,
            CertificateChoice::Other => other_certificates = true,
        }
    }

    let mut crls = Vec::new();
    let mut ocsp = Vec::new();
    let mut other_revocation = false;
    for choice in elements(sd.crls, MAX_CRLS, Error::CmsTooManyCrls)? {
        match choice? {
            RevocationInfoChoice::Crl(crl) => crls.push(crl.der),
            RevocationInfoChoice::Ocsp(response) => {
                ocsp.push(response);
                other_revocation = true;
            }
            RevocationInfoChoice::Other => other_revocation = true,
        }
    }

    let infos = sd
        .signer_infos
        .bounded::<SignerInfo<'_>>(MAX_SIGNERS, Error::CmsTooManySigners)?;
    let mut signers = Vec::with_capacity(infos.len());
    for info in infos {
        signers.push(signer_info(info?)?);
    }

    // 5.1: the version follows from the contents.
    let any_v3_signer = signers
        .iter()
        .any(|s| matches!(s.sid, RawSignerId::KeyId(_)));
    let expected = if other_certificates || other_revocation {
        5
    } else if attribute_cert_v2 {
        4
    } else if attribute_cert_v1 || any_v3_signer || encap.econtent_type != oids::DATA {
        3
    } else {
        1
    };
    if sd.version != expected {
        return Err(Error::CmsMalformed);
    }

    Ok(SignedDataParts {
        econtent_type: encap.econtent_type,
        econtent: encap.econtent.map(|octets| octets.as_bytes()),
        certificates,
        crls,
        ocsp,
        signers,
    })
}

/// The elements of an optional SET OF (none when absent), bounded.
fn elements<'a, T: Decode<'a>>(
    set: Option<SetOf<'a>>,
    max: usize,
    too_many: Error,
) -> Result<impl Iterator<Item = Result<T, Error>>, Error> {
    set.map(|set| set.bounded(max, too_many))
        .transpose()
        .map(|elements| elements.into_iter().flatten())
}

fn signer_info(info: SignerInfo<'_>) -> Result<SignerInfoParts<'_>, Error> {
    // 5.3: version 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier.
    let (sid, expected_version) = match info.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            let serial = ias.serial_number.as_bytes();
            if serial.len() > MAX_SERIAL_LEN {
                return Err(Error::CmsMalformed);
            }
            let issuer = ias.issuer.der;
            (RawSignerId::IssuerAndSerial { issuer, serial }, 1)
        }
        SignerIdentifier::SubjectKeyIdentifier(key_id) => {
            (RawSignerId::KeyId(key_id.as_bytes()), 3)
        }
    };
    if info.version != expected_version {
        return Err(Error::CmsMalformed);
    }

    let signed_attrs = info.signed_attrs.map(signed_attributes).transpose()?;
    // Unsigned attributes are bounded and well-formed; revocationValues and the first
    // signature timestamp are read, the others carried.
    let mut revocation_values = RevocationValues::default();
    let mut timestamp_token = None;
    for attr in elements::<Attribute<'_>>(
        info.unsigned_attrs,
        MAX_ATTRIBUTES,
        Error::CmsTooManyAttributes,
    )? {
        let attr = attr?;
        count_values(&attr)?;
        revocation_values.collect(&attr)?;
        if attr.attr_type == crate::oid::tsp::SIGNATURE_TIME_STAMP_TOKEN
            && timestamp_token.is_none()
        {
            timestamp_token = attr.values.first_tlv();
        }
    }
    if let RawSignerId::IssuerAndSerial { issuer, .. } = sid {
        // A malformed issuer is a malformed SignerInfo, not an identifier that matches no
        // certificate.
        Name::from_der(issuer).map_err(|_| Error::CmsMalformed)?;
    }

    Ok(SignerInfoParts {
        sid,
        digest_algorithm: info.digest_algorithm,
        signed_attrs,
        signature_algorithm: info.signature_algorithm,
        signature: info.signature.as_bytes(),
        revocation_values,
        timestamp_token,
    })
}

fn signed_attributes(attrs: SignedAttributes<'_>) -> Result<SignedAttrs<'_>, Error> {
    let elements = attrs
        .attributes()
        .bounded::<Attribute<'_>>(MAX_ATTRIBUTES, Error::CmsTooManyAttributes)?;
    let mut attributes = Vec::with_capacity(elements.len());
    for attr in elements {
        let attr = attr?;
        count_values(&attr)?;
        attributes.push(attr);
    }
    Ok(SignedAttrs {
        der: attrs.der,
        attributes,
    })
}

/// Bounds an attribute's values and checks that each is one well-formed element.
fn count_values(attr: &Attribute<'_>) -> Result<(), Error> {
    for value in attr
        .values
        .bounded::<der::asn1::AnyRef<'_>>(MAX_ATTRIBUTES, Error::CmsTooManyAttributes)?
    {
        value?;
    }
    Ok(())
}

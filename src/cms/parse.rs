//! The outer layers of a ContentInfo / SignedData (RFC 5652 3, 5.1, 5.2, 5.3), walked over
//! the original bytes with every count bounded before anything is decoded into owned values.
//!
//! Each SignerInfo is then decoded by the `cms` crate (typed signer identifier, algorithms,
//! attributes); the walk here keeps what the crate does not: the original bytes of the
//! signed attributes (which are what the signature covers), the encapsulated content
//! (borrowed, never copied), and the raw certificates and CRLs.

use alloc::vec::Vec;

use der::Decode;
use der::asn1::ObjectIdentifier;

use super::tlv::{Cursor, Tlv, elements, tag};
use super::{
    MAX_ATTRIBUTES, MAX_CERTIFICATES, MAX_CRLS, MAX_DIGEST_ALGORITHMS, MAX_INPUT_LEN, MAX_SIGNERS,
    oids,
};
use crate::Error;
use crate::alg_id::AlgorithmIdentifier;

/// A SignedData, split into its parts.
pub(crate) struct SignedDataParts<'a> {
    pub(crate) econtent_type: ObjectIdentifier,
    /// The octets of the eContent OCTET STRING, when the content is attached.
    pub(crate) econtent: Option<&'a [u8]>,
    /// DER of each embedded certificate (the `certificate` choice; other choices skipped).
    pub(crate) certificates: Vec<&'a [u8]>,
    /// DER of each embedded CRL (the `crl` choice; other formats skipped).
    pub(crate) crls: Vec<&'a [u8]>,
    pub(crate) signers: Vec<SignerInfoParts<'a>>,
}

/// One SignerInfo: the raw pieces, and the `cms` crate's typed decoding of the whole.
pub(crate) struct SignerInfoParts<'a> {
    pub(crate) sid: RawSignerId<'a>,
    pub(crate) digest_algorithm: AlgorithmIdentifier<'a>,
    /// The complete `[0] IMPLICIT` element as it appears in the input.
    pub(crate) signed_attrs: Option<&'a [u8]>,
    pub(crate) signature_algorithm: AlgorithmIdentifier<'a>,
    pub(crate) signature: &'a [u8],
    pub(crate) decoded: cms::signed_data::SignerInfo,
}

/// A SignerIdentifier as it appears in the input.
#[derive(Clone, Copy, Debug)]
pub(crate) enum RawSignerId<'a> {
    /// DER of the issuer `Name` and the serial number's INTEGER contents.
    IssuerAndSerial { issuer: &'a [u8], serial: &'a [u8] },
    /// The subjectKeyIdentifier octets.
    KeyId(&'a [u8]),
}

/// Splits a DER `ContentInfo` holding a `SignedData`.
pub(crate) fn parse(input: &[u8]) -> Result<SignedDataParts<'_>, Error> {
    if input.len() > MAX_INPUT_LEN {
        return Err(Error::CmsInputTooLarge);
    }
    let mut outer = Cursor::new(input)?;
    let content_info = outer.expect(tag::SEQUENCE)?;
    outer.finish()?;

    let mut ci = Cursor::new(content_info.value)?;
    if ci.oid()? != oids::SIGNED_DATA {
        return Err(Error::CmsNotSignedData);
    }
    let explicit = ci.expect(tag::context(0))?;
    ci.finish()?;
    let mut inner = Cursor::new(explicit.value)?;
    let signed_data = inner.expect(tag::SEQUENCE)?;
    inner.finish()?;

    let mut sd = Cursor::new(signed_data.value)?;
    let version = sd.small_uint()?;
    let digest_algorithms = sd.expect(tag::SET)?;
    let encap = sd.expect(tag::SEQUENCE)?;
    let certificates = sd.optional(tag::context(0))?;
    let crls = sd.optional(tag::context(1))?;
    let signer_infos = sd.expect(tag::SET)?;
    sd.finish()?;

    // digestAlgorithms: a hint for one-pass processing (5.1); bounded and well-formed, not used.
    for alg in elements(
        digest_algorithms.value,
        MAX_DIGEST_ALGORITHMS,
        Error::CmsTooManyDigestAlgorithms,
    )? {
        AlgorithmIdentifier::decode_der(alg.full).map_err(|_| Error::CmsMalformed)?;
    }

    let (econtent_type, econtent) = parse_encap(encap)?;

    let mut cert_ders = Vec::new();
    let mut other_certificates = false;
    let mut attribute_cert_v1 = false;
    let mut attribute_cert_v2 = false;
    if let Some(set) = certificates {
        for choice in elements(set.value, MAX_CERTIFICATES, Error::CmsTooManyCertificates)? {
            match choice.tag {
                tag::SEQUENCE => cert_ders.push(choice.full),
                // extendedCertificate [0] (obsolete), v1AttrCert [1], v2AttrCert [2],
                // other [3]: not certificates a signer can be identified by.
                0xA0 => {}
                0xA1 => attribute_cert_v1 = true,
                0xA2 => attribute_cert_v2 = true,
                0xA3 => other_certificates = true,
                _ => return Err(Error::CmsMalformed),
            }
        }
    }

    let mut crl_ders = Vec::new();
    let mut other_revocation = false;
    if let Some(set) = crls {
        for choice in elements(set.value, MAX_CRLS, Error::CmsTooManyCrls)? {
            match choice.tag {
                tag::SEQUENCE => crl_ders.push(choice.full),
                0xA1 => other_revocation = true,
                _ => return Err(Error::CmsMalformed),
            }
        }
    }

    let raw_signers = elements(signer_infos.value, MAX_SIGNERS, Error::CmsTooManySigners)?;
    let mut signers = Vec::with_capacity(raw_signers.len());
    for raw in raw_signers {
        signers.push(parse_signer_info(raw)?);
    }

    // 5.1: the version follows from the contents.
    let any_v3_signer = signers
        .iter()
        .any(|s| matches!(s.sid, RawSignerId::KeyId(_)));
    let expected = if other_certificates || other_revocation {
        5
    } else if attribute_cert_v2 {
        4
    } else if attribute_cert_v1 || any_v3_signer || econtent_type != oids::DATA {
        3
    } else {
        1
    };
    if version != expected {
        return Err(Error::CmsMalformed);
    }

    Ok(SignedDataParts {
        econtent_type,
        econtent,
        certificates: cert_ders,
        crls: crl_ders,
        signers,
    })
}

fn parse_encap(encap: Tlv<'_>) -> Result<(ObjectIdentifier, Option<&[u8]>), Error> {
    let mut cursor = Cursor::new(encap.value)?;
    let econtent_type = cursor.oid()?;
    let econtent = match cursor.optional(tag::context(0))? {
        None => None,
        Some(explicit) => {
            // eContent [0] EXPLICIT OCTET STRING; DER requires the primitive form.
            let mut inner = Cursor::new(explicit.value)?;
            let octets = inner.expect(tag::OCTET_STRING)?;
            inner.finish()?;
            Some(octets.value)
        }
    };
    cursor.finish()?;
    Ok((econtent_type, econtent))
}

fn parse_signer_info(raw: Tlv<'_>) -> Result<SignerInfoParts<'_>, Error> {
    if raw.tag != tag::SEQUENCE {
        return Err(Error::CmsMalformed);
    }
    let mut cursor = Cursor::new(raw.value)?;
    let version = cursor.small_uint()?;
    let sid_tlv = cursor.any()?;
    let sid = match sid_tlv.tag {
        tag::SEQUENCE => {
            let mut ias = Cursor::new(sid_tlv.value)?;
            let issuer = ias.expect(tag::SEQUENCE)?;
            let serial = ias.expect(tag::INTEGER)?;
            ias.finish()?;
            RawSignerId::IssuerAndSerial {
                issuer: issuer.full,
                serial: serial.value,
            }
        }
        tag::CONTEXT_0_PRIMITIVE => RawSignerId::KeyId(sid_tlv.value),
        _ => return Err(Error::CmsMalformed),
    };
    // 5.3: version 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier.
    let expected_version = match sid {
        RawSignerId::IssuerAndSerial { .. } => 1,
        RawSignerId::KeyId(_) => 3,
    };
    if version != expected_version {
        return Err(Error::CmsMalformed);
    }
    let digest_algorithm = algorithm_identifier(cursor.expect(tag::SEQUENCE)?)?;
    let signed_attrs = cursor.optional(tag::context(0))?;
    let signature_algorithm = algorithm_identifier(cursor.expect(tag::SEQUENCE)?)?;
    let signature = cursor.expect(tag::OCTET_STRING)?.value;
    let unsigned_attrs = cursor.optional(tag::context(1))?;
    cursor.finish()?;

    // Bound the attributes (and their values) before the `cms` crate allocates for them.
    for attrs in [signed_attrs, unsigned_attrs].into_iter().flatten() {
        for attr in elements(attrs.value, MAX_ATTRIBUTES, Error::CmsTooManyAttributes)? {
            let mut fields = Cursor::new(attr.value)?;
            if attr.tag != tag::SEQUENCE {
                return Err(Error::CmsMalformed);
            }
            fields.oid()?;
            let values = fields.expect(tag::SET)?;
            fields.finish()?;
            elements(values.value, MAX_ATTRIBUTES, Error::CmsTooManyAttributes)?;
        }
    }

    let decoded =
        cms::signed_data::SignerInfo::from_der(raw.full).map_err(|_| Error::CmsMalformed)?;
    // The typed decoding and the walk above must agree on the shape.
    if decoded.signed_attrs.is_some() != signed_attrs.is_some()
        || decoded.digest_alg.oid != digest_algorithm.oid()
        || decoded.signature_algorithm.oid != signature_algorithm.oid()
        || decoded.signature.as_bytes() != signature
    {
        return Err(Error::CmsMalformed);
    }

    Ok(SignerInfoParts {
        sid,
        digest_algorithm,
        signed_attrs: signed_attrs.map(|t| t.full),
        signature_algorithm,
        signature,
        decoded,
    })
}

fn algorithm_identifier(tlv: Tlv<'_>) -> Result<AlgorithmIdentifier<'_>, Error> {
    AlgorithmIdentifier::decode_der(tlv.full).map_err(|_| Error::CmsMalformed)
}

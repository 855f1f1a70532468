//! Every JSON report of the `sig`, `chain` and `cms` subcommands, built from the library's
//! results. The C ABI returns these same objects (compact rather than pretty-printed), so a
//! program moving from the command line to the library reads the same fields.

use jpki_verify::cms::{CmsReport, SignerId, SignerReport, ValidationTime};
use jpki_verify::policy::{Assessment, Verdict};
use jpki_verify::tsp::TimestampReport;
use jpki_verify::{Backend, Error, PublicKeyInfo, SignatureVerificationAlgorithm};
use jpki_verify::{UnixTime, ValidatedPath};
use serde_json::{Value, json};

/// The `"error"` member of a report: a stable `kind` (the library's `Error::kind`, or
/// `input`, ...) and a human-readable message.
pub fn error_json(kind: &str, message: &str) -> Value {
    json!({ "kind": kind, "message": message })
}

/// The whole report of an input problem (exit 2): `{"valid": false, "error": {"kind":
/// "input", ...}}`.
pub fn input_error_json(message: &str) -> Value {
    json!({ "valid": false, "error": error_json("input", message) })
}

fn err_json(e: Error) -> Value {
    error_json(e.kind(), &e.to_string())
}

/// What a public key is: `{"type": "rsa", "bits": 2048}`, `{"type": "ec", "curve": ...}`.
pub fn key_json(info: PublicKeyInfo) -> Value {
    match info {
        PublicKeyInfo::Rsa { modulus_bits } => json!({ "type": "rsa", "bits": modulus_bits }),
        PublicKeyInfo::Ec { curve } => json!({ "type": "ec", "curve": curve.name() }),
        _ => json!({ "type": "other" }),
    }
}

/// The report of `sig`: one raw signature checked with `algorithm` of `backend`.
pub fn sig_json(
    algorithm: &dyn SignatureVerificationAlgorithm,
    backend: &Backend,
    key: Option<PublicKeyInfo>,
    result: Result<(), Error>,
) -> Value {
    let mut report = json!({
        "valid": result.is_ok(),
        "algorithm": algorithm.name(),
        "backend": backend.name,
        "key": key.map(key_json),
    });
    if let Err(err) = result {
        report["error"] = err_json(err);
    }
    report
}

/// The report of `chain` when no path validated (or the leaf did not parse: `time` is then
/// `None`).
pub fn chain_failure_json(err: &Error, time: Option<UnixTime>) -> Value {
    json!({
        "valid": false,
        "at": time.map(|t| t.to_string()),
        "error": err_json(*err),
    })
}

/// Whether a sunset table's verdict turns a validated path into a failure.
pub fn sunset_rejects(assessment: Option<&Assessment<'_>>) -> bool {
    assessment.is_some_and(|a| a.verdict == Verdict::Reject)
}

/// The report of `chain` for a validated path, with the sunset table's verdict if one was
/// asked for (`valid` is false when it rejects).
pub fn chain_path_json(
    path: &ValidatedPath,
    time: UnixTime,
    assessment: Option<&Assessment<'_>>,
) -> Value {
    let entries: Vec<Value> = path
        .entries()
        .iter()
        .map(|entry| {
            let cert = entry.certificate();
            json!({
                "subject": cert.subject().to_string(),
                "issuer": cert.issuer().to_string(),
                "serial": hex_upper(cert.serial()),
                "not_before": cert.validity().not_before.to_string(),
                "not_after": cert.validity().not_after.to_string(),
                "signature_algorithm": entry.algorithm().name(),
                "revocation": format!("{:?}", entry.revocation()),
            })
        })
        .collect();
    let mut report = json!({
        "valid": !sunset_rejects(assessment),
        "at": time.to_string(),
        "path": entries,
        "anchor": path.anchor().subject().to_string(),
        "policies": path.policies().iter().map(|p| p.to_string()).collect::<Vec<_>>(),
    });
    if let Some(a) = assessment {
        report["sunset"] = assessment_json(a);
        if sunset_rejects(assessment) {
            report["error"] = error_json("sunset-policy-reject", &rejection_text(a));
        }
    }
    report
}

/// The sunset verdict beside the cryptographic one (`chain`, `inspect`).
pub fn assessment_json(a: &Assessment<'_>) -> Value {
    json!({
        "table": a.table.qualified_name(),
        "verdict": a.verdict.id(),
        "findings": a.findings.iter().map(|f| json!({
            "item": f.label,
            "use": f.decision.usage.to_string(),
            "at": f.decision.at.to_string(),
            "at_assumed": f.at_assumed,
            "verdict": f.decision.verdict.id(),
            "reason": f.decision.reason(),
        })).collect::<Vec<_>>(),
    })
}

/// The rejecting findings of an assessment, as one message.
pub fn rejection_text(a: &Assessment<'_>) -> String {
    a.rejections()
        .map(|f| f.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report of `cms`: `requirement` as the caller wrote it (`all`, `families:rsa,ecdsa`),
/// `time` how each signer's path was validated (an instant, `signing-time` or `timestamp`).
pub fn cms_report_json(report: &CmsReport, requirement: &str, time: ValidationTime) -> Value {
    let mut v = json!({
        "valid": report.is_valid(),
        "content_type": report.content_type.map(|o| o.to_string()),
        "detached": report.detached,
        "requirement": requirement,
        "validation_time": match time {
            ValidationTime::At(at) => at.to_string(),
            ValidationTime::SigningTime => "signing-time".to_owned(),
            _ => "timestamp".to_owned(),
        },
        "signers": report.signers.iter().map(signer_json).collect::<Vec<_>>(),
    });
    if let Err(e) = report.result {
        v["error"] = err_json(e);
    }
    v
}

fn signer_json(s: &SignerReport) -> Value {
    let signer_id = match &s.signer_id {
        Some(SignerId::IssuerAndSerialNumber { issuer, serial }) => {
            json!({ "issuer": issuer, "serial": hex_lower(serial) })
        }
        Some(SignerId::SubjectKeyIdentifier(key_id)) => {
            json!({ "subject_key_identifier": hex_lower(key_id) })
        }
        _ => Value::Null,
    };
    let mut v = json!({
        "index": s.index,
        "valid": s.result.is_ok(),
        "signer_id": signer_id,
        "subject": s.subject,
        "key": s.public_key.map(key_json),
        "family": s.family.map(|f| f.id()),
        "digest": s.digest_algorithm.map(|h| h.name()),
        "algorithm": s.algorithm.map(|a| a.name()),
        "signing_time": s.signing_time.map(|t| t.to_string()),
        "validation_time": s.validation_time.map(|t| t.to_string()),
        "time_basis": s.time_basis.map(|b| b.id()),
        "timestamp": s.timestamp.as_ref().map(timestamp_json),
        "path": s.path.as_ref().map(|p| json!({
            "certificates": p.entries().iter().map(|e| json!({
                "subject": e.certificate().subject().to_string(),
                "algorithm": e.algorithm().name(),
            })).collect::<Vec<_>>(),
            "anchor": p.anchor().subject().to_string(),
        })),
    });
    if let Err(e) = s.result {
        v["error"] = err_json(e);
    }
    if let Some(e) = s.path_error {
        v["path_error"] = err_json(e);
    }
    if let Some(policy) = &s.policy {
        v["policy"] = json!({
            "table": policy.table,
            "verdict": policy.verdict.id(),
            "findings": policy.findings,
        });
    }
    v
}

/// An RFC 3161 token report (`timestamp`, and a CMS signer's `timestamp` member).
pub fn timestamp_json(t: &TimestampReport) -> Value {
    let mut v = json!({
        "valid": t.is_valid(),
        "gen_time": t.gen_time.map(|g| g.to_string()),
        "gen_time_nanos": t.gen_time_nanos,
        "accuracy": t.accuracy.map(|a| json!({
            "seconds": a.seconds, "millis": a.millis, "micros": a.micros,
        })),
        "earliest": t.earliest().map(|e| e.to_string()),
        "latest": t.latest().map(|l| l.to_string()),
        "policy": t.policy.map(|p| p.to_string()),
        "serial": t.serial.as_deref().map(hex_lower),
        "nonce": t.nonce.as_deref().map(hex_lower),
        "hash": t.hash_algorithm.map(|h| h.name()),
        "ordering": t.ordering,
        "tsa_name": t.tsa_name,
        "tsa_subject": t.tsa_subject,
        "tsa_validation_time": t.validation_time.map(|v| v.to_string()),
        "tsa_path": t.tsa_path.as_ref().map(|p| json!({
            "certificates": p.certificates().map(|c| c.subject().to_string()).collect::<Vec<_>>(),
            "anchor": p.anchor().subject().to_string(),
        })),
    });
    if let Err(e) = t.result {
        v["error"] = err_json(e);
    }
    if let Some(e) = t.token_error {
        v["token_error"] = err_json(e);
    }
    v
}

/// Upper-case hex, as `chain` prints certificate serials.
pub fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Lower-case hex, as `cms` prints signer identifiers.
pub fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

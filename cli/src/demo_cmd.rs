//! `jpki-verify demo`: the migration walk-through on the bundled vectors, with no arguments.
//!
//! A document signed by the RSA-2048 card and one signed by the ECDSA P-384 card
//! (`vectors/cms`, test material from the fictional PKI in `vectors/migration-world`) are
//! verified at dates on both sides of the algorithm sunsets, under the CRYPTREC and NIST IR
//! 8547 tables, and each row gives four verdicts:
//!
//! - **crypto**: the CMS signature and its signed attributes (RFC 5652);
//! - **path**: the signer's certificate to a root of the *signing* trust store (built from
//!   the world's roots as custom anchors: they are test roots, not pinned), with the
//!   JPKI signing policy required and a current CRL required. A document outlives its
//!   certificate, so when the path cannot be validated at the verification date because
//!   the certificate has expired or no CRL of that date exists, it is validated at the
//!   document's signing time instead, with the first CRL issued after it (the row says so);
//! - **sunset**: the table's verdict on every signature the document relies on - the
//!   document's own, created at its signing time, and the certificate's, created at its
//!   notBefore - each verified at the row's date;
//! - **final**: rejected if any of the three rejects; accepted with the sunset warning
//!   (legacy, deprecated) otherwise.
//!
//! The signing-time attribute is the signer's own claim; the demo takes it as the signing
//! date, as a verifier may when a timestamp or its own receipt log backs it.
//!
//! Exit status: 0 when the demo ran (rejections are expected content), 2 when the vectors
//! are missing or unreadable.

use std::path::{Path, PathBuf};

use clap::Args;
use jpki_verify::cms::{CmsReport, CmsVerifier, Content, SignerReport, ValidationTime};
use jpki_verify::jpki::{
    CardGeneration, JpkiPurpose, JpkiTrustStore, POLICY_SIGNING, ProfileChecks, classify,
};
use jpki_verify::policy::{Assessment, Date, Finding, Status, Table, Verdict};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    Certificate, Crl, CrlSet, Error, JudgedSignature, PathValidator, PublicKeyInfo, RevocationMode,
    UnixTime,
};
use serde_json::{Value, json};

use crate::input::{InputKind, read_input};
use crate::pki_args::{LoadedTable, load_table};
use crate::report::{InputError, Outcome, input_failure, print_json};

#[derive(Args)]
pub struct DemoArgs {
    /// The vectors directory (holding migration-world/ and cms/); default: the
    /// repository's vectors/ beside the CLI crate.
    #[arg(long, value_name = "DIR")]
    vectors: Option<PathBuf>,
    /// Sunset tables to judge with (built-in names or TOML files; repeatable); default:
    /// cryptrec-ls0003 and nist-ir8547.
    #[arg(long = "table", value_name = "TABLE")]
    tables: Vec<String>,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    json: bool,
}

/// The label of the document signature in sunset findings.
const DOCUMENT_LABEL: &str = "document signature";

const DEFAULT_TABLES: [&str; 2] = ["cryptrec-ls0003", "nist-ir8547"];

/// One document of the walk-through.
struct Document {
    letter: &'static str,
    id: &'static str,
    title: &'static str,
    /// Verification dates (RFC 3339).
    dates: &'static [&'static str],
    /// A control: judged under the first table only.
    control: bool,
}

const DOCUMENTS: [Document; 4] = [
    Document {
        letter: "A",
        id: "rsa-card-attached",
        title: "",
        dates: &[
            "2026-06-02T00:00:00Z",
            "2031-06-01T00:00:00Z",
            "2036-06-01T00:00:00Z",
        ],
        control: false,
    },
    Document {
        letter: "B",
        id: "ec-card-attached",
        title: "",
        dates: &[
            "2030-01-01T00:00:00Z",
            "2031-06-01T00:00:00Z",
            "2036-06-01T00:00:00Z",
        ],
        control: false,
    },
    Document {
        letter: "C",
        id: "revoked-leaf",
        title: "control: revoked card",
        dates: &["2026-06-02T00:00:00Z"],
        control: true,
    },
    Document {
        letter: "D",
        id: "rsa-card-modified-content",
        title: "control: altered content",
        dates: &["2026-06-02T00:00:00Z"],
        control: true,
    },
];

/// A loaded document.
struct Loaded {
    doc: &'static Document,
    file: String,
    der: Vec<u8>,
    signer: Certificate,
    signing_time: Option<UnixTime>,
}

/// Everything the demo reads.
struct World {
    root: PathBuf,
    store: JpkiTrustStore,
    crls: Vec<(String, Crl)>,
    documents: Vec<Loaded>,
}

pub fn run(args: &DemoArgs) -> Outcome {
    let root = args
        .vectors
        .clone()
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../vectors")));
    let names: Vec<&str> = if args.tables.is_empty() {
        DEFAULT_TABLES.to_vec()
    } else {
        args.tables.iter().map(String::as_str).collect()
    };
    let loaded = names
        .iter()
        .map(|name| load_table(name))
        .collect::<Result<Vec<_>, _>>()
        .and_then(|tables| Ok((tables, load_world(&root)?)));
    let (tables, world) = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return input_failure(&err, args.json),
    };
    let rows = rows(&world, &tables);
    let proven = match crate::demo_timestamp::rows(&root, &tables) {
        Ok(proven) => proven,
        Err(err) => return input_failure(&err, args.json),
    };
    if args.json {
        let mut report = json_report(&world, &rows);
        report["proven_time"] = crate::demo_timestamp::json(&proven);
        print_json(&report);
    } else {
        print_report(&world, &rows);
        crate::demo_timestamp::print(&proven);
    }
    Outcome::Verified
}

// --- loading -----------------------------------------------------------------------------

fn read(path: &Path, kind: InputKind) -> Result<Vec<u8>, InputError> {
    read_input(path, kind).map_err(|e| {
        InputError(format!(
            "{e} (the demo needs the bundled vectors; pass --vectors DIR)"
        ))
    })
}

fn manifest(path: &Path) -> Result<Value, InputError> {
    serde_json::from_slice(&read(path, InputKind::Manifest)?)
        .map_err(|e| InputError(format!("{}: not JSON: {e}", path.display())))
}

fn str_of<'v>(v: &'v Value, key: &str, context: &str) -> Result<&'v str, InputError> {
    v[key]
        .as_str()
        .ok_or_else(|| InputError(format!("{context}: no string `{key}` in the manifest")))
}

fn load_world(root: &Path) -> Result<World, InputError> {
    let mw = root.join("migration-world");
    let world = manifest(&mw.join("manifest.json"))?;
    let cms_dir = root.join("cms");
    let cms = manifest(&cms_dir.join("manifest.json"))?;

    // The signing trust store from the world's roots: test roots, so custom anchors. The
    // user-authentication roots go to their own list and can never anchor a signing path.
    let mut builder = JpkiTrustStore::builder();
    let empty = Vec::new();
    for entry in world["certificates"].as_array().unwrap_or(&empty) {
        if entry["role"] != "root" {
            continue;
        }
        let id = str_of(entry, "id", "certificate")?;
        let purpose = match str_of(entry, "purpose", id)? {
            "signing" => JpkiPurpose::Signing,
            _ => JpkiPurpose::UserAuthentication,
        };
        let der = read(&mw.join(str_of(entry, "der", id)?), InputKind::Certificate)?;
        let cert = Certificate::from_der(&der)
            .map_err(|e| InputError(format!("{id}: not a certificate: {e}")))?;
        builder
            .add_custom_anchor(purpose, cert, id)
            .map_err(|e| InputError(format!("{id}: {e}")))?;
    }
    let store = builder.build();
    if store.anchors(JpkiPurpose::Signing).is_empty() {
        return Err(InputError(format!(
            "{}: no signing roots in the manifest",
            mw.display()
        )));
    }

    let mut crls = Vec::new();
    for entry in world["crls"].as_array().unwrap_or(&empty) {
        let id = str_of(entry, "id", "crl")?;
        let der = read(&mw.join(str_of(entry, "der", id)?), InputKind::Crl)?;
        let crl =
            Crl::from_der_owned(der).map_err(|e| InputError(format!("{id}: not a CRL: {e}")))?;
        crls.push((id.to_owned(), crl));
    }

    let mut documents = Vec::new();
    for doc in &DOCUMENTS {
        let entry = cms["files"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .find(|f| f["id"] == doc.id)
            .ok_or_else(|| InputError(format!("{}: no file `{}`", cms_dir.display(), doc.id)))?;
        let file = str_of(entry, "file", doc.id)?;
        let signer_entry = &entry["signers"][0];
        let signer_der = read(
            &cms_dir.join(str_of(signer_entry, "cert", doc.id)?),
            InputKind::Certificate,
        )?;
        let signer = Certificate::from_der(&signer_der)
            .map_err(|e| InputError(format!("{}: signer: {e}", doc.id)))?;
        let signing_time = match signer_entry["signing_time"].as_str() {
            Some(t) => Some(
                UnixTime::parse_rfc3339(t)
                    .map_err(|e| InputError(format!("{}: signing_time: {e}", doc.id)))?,
            ),
            None => None,
        };
        documents.push(Loaded {
            doc,
            file: file.to_owned(),
            der: read(&cms_dir.join(file), InputKind::CmsDocument)?,
            signer,
            signing_time,
        });
    }
    Ok(World {
        root: root.to_path_buf(),
        store,
        crls,
        documents,
    })
}

// --- verifying ---------------------------------------------------------------------------

/// The path verdict of one row.
struct PathVerdict {
    /// `Ok(time validated at)` or the path error.
    result: Result<UnixTime, Error>,
    /// Why the verification date itself could not be used.
    fallback: Option<Error>,
    /// Label of the root the path ended at.
    root: Option<String>,
    /// Id of the CRL that answered for the signer certificate.
    crl: Option<String>,
}

struct Row<'w> {
    document: &'w Loaded,
    at: UnixTime,
    table: String,
    /// Ok(algorithm name) or the error.
    crypto: Result<&'static str, Error>,
    path: Option<PathVerdict>,
    sunset: Option<Sunset>,
    final_verdict: String,
}

struct Sunset {
    verdict: Verdict,
    /// `accept`, `legacy`, `deprecated`, `reject`.
    word: &'static str,
    /// The findings that decided (warnings or rejections), or a summary when all accepted.
    reasons: Vec<String>,
}

fn rows<'w>(world: &'w World, tables: &[LoadedTable]) -> Vec<Row<'w>> {
    let crls: Vec<Crl> = world.crls.iter().map(|(_, c)| c.clone()).collect();
    let mut out = Vec::new();
    for document in &world.documents {
        for date in document.doc.dates {
            let at = UnixTime::parse_rfc3339(date).expect("constant dates parse");
            let (report, fallback) = verify(world, &crls, document, at);
            for table in tables.iter().take(if document.doc.control {
                1
            } else {
                tables.len()
            }) {
                out.push(row(world, document, at, table.get(), &report, fallback));
            }
        }
    }
    out
}

/// Verifies at `at`; if the path fails there for a reason of time (expired certificate, no
/// current CRL), again at the signing time.
fn verify(
    world: &World,
    crls: &[Crl],
    document: &Loaded,
    at: UnixTime,
) -> (CmsReport, Option<Error>) {
    let policies = [POLICY_SIGNING];
    let set = CrlSet::new(crls);
    let validator = PathValidator::with_backend(&BACKEND, at)
        .revocation(RevocationMode::RequireCurrent, &set)
        .initial_policies(&policies)
        .require_explicit_policy(true);
    let verifier = |time| {
        CmsVerifier::new(validator, world.store.anchors(JpkiPurpose::Signing))
            .time(time)
            .verify(&document.der, Content::Attached)
    };
    let report = verifier(ValidationTime::At(at));
    let timely = report
        .signers
        .first()
        .and_then(|s| s.path_error)
        .filter(|e| {
            matches!(
                e,
                Error::CertExpired { .. }
                    | Error::CrlNotCurrent { .. }
                    | Error::RevocationStatusUnknown { .. }
            )
        });
    match timely {
        Some(reason) if document.signing_time.is_some() => {
            (verifier(ValidationTime::SigningTime), Some(reason))
        }
        _ => (report, None),
    }
}

fn row<'w>(
    world: &World,
    document: &'w Loaded,
    at: UnixTime,
    table: &Table,
    report: &CmsReport,
    fallback: Option<Error>,
) -> Row<'w> {
    let signer = report.signers.first();
    let crypto = match (signer, report.result) {
        (Some(s), _) if s.algorithm.is_some() => Ok(s.algorithm.map_or("", |a| a.name())),
        (Some(s), _) => Err(s.result.err().unwrap_or(Error::CmsMalformed)),
        (None, Err(e)) => Err(e),
        (None, Ok(())) => Err(Error::CmsNoSigners),
    };
    let mut path = None;
    let mut sunset = None;
    if let (Ok(_), Some(s)) = (&crypto, signer) {
        let (verdict, assessment) = judge_path(world, s, table, at, fallback);
        path = Some(verdict);
        sunset = assessment;
    }
    let final_verdict = match (&crypto, &path, &sunset) {
        (Err(_), _, _) => "REJECTED (crypto)".to_owned(),
        (_, Some(PathVerdict { result: Err(e), .. }), _) => format!("REJECTED ({})", e.kind()),
        (_, _, Some(s)) if s.verdict == Verdict::Reject => "REJECTED (sunset)".to_owned(),
        (_, _, Some(s)) if s.verdict == Verdict::AcceptWithWarning => {
            format!("ACCEPTED ({})", s.word)
        }
        _ => "ACCEPTED".to_owned(),
    };
    Row {
        document,
        at,
        table: table.qualified_name(),
        crypto,
        path,
        sunset,
        final_verdict,
    }
}

/// The path verdict, and the sunset judgement of the document signature and the path, from
/// the one path the CMS verification validated.
fn judge_path(
    world: &World,
    signer: &SignerReport,
    table: &Table,
    at: UnixTime,
    fallback: Option<Error>,
) -> (PathVerdict, Option<Sunset>) {
    let time = signer.validation_time.unwrap_or(at);
    let failed = |e| PathVerdict {
        result: Err(e),
        fallback,
        root: None,
        crl: None,
    };
    if let Some(e) = signer.path_error {
        return (failed(e), None);
    }
    if let Err(e) = signer.result {
        return (failed(e), None);
    }
    let (Some(path), Some(algorithm), Some(key)) =
        (signer.path.as_ref(), signer.algorithm, signer.public_key)
    else {
        return (failed(Error::CmsSignerCertificateMissing), None);
    };
    // Which generation: every root generation has the same subject, the anchor says which.
    let anchor = path.anchor();
    let root = world.store.identify(anchor).map(|i| i.label.clone());
    let anchor_key_id = anchor.certificate().and_then(Certificate::subject_key_id);
    let crl = world
        .crls
        .iter()
        .filter(|(_, c)| {
            c.authority_key_id() == anchor_key_id && c.next_update().is_some_and(|n| time <= n)
        })
        .max_by_key(|(_, c)| c.this_update())
        .map(|(id, _)| id.clone());
    let verdict = PathVerdict {
        result: Ok(time),
        fallback,
        root,
        crl,
    };
    if Date::from_unix_seconds(at.as_unix_seconds()).is_none() {
        return (verdict, None);
    }
    // The sunset: the document signature (created at its signing time) and the path, each
    // verified at the row's date.
    let assessment = table.evaluate_signed(&JudgedSignature {
        label: DOCUMENT_LABEL,
        algorithm,
        key,
        created_at: signer.signing_time,
        verified_at: at,
        path,
    });
    (verdict, Some(sunset_of(&[&assessment])))
}

fn sunset_of(assessments: &[&Assessment<'_>]) -> Sunset {
    let findings: Vec<&Finding<'_>> = assessments.iter().flat_map(|a| &a.findings).collect();
    let verdict = findings
        .iter()
        .map(|f| f.decision.verdict)
        .max()
        .unwrap_or(Verdict::Accept);
    let status = |f: &Finding<'_>| {
        f.decision
            .deciding()
            .and_then(|o| o.phase)
            .map(|p| p.status)
    };
    let worst: Vec<&Finding<'_>> = findings
        .iter()
        .copied()
        .filter(|f| f.decision.verdict == verdict)
        .collect();
    let word = match verdict {
        Verdict::Accept => "accept",
        Verdict::Reject => "reject",
        Verdict::AcceptWithWarning => {
            if worst.iter().any(|f| status(f) == Some(Status::Legacy)) {
                "legacy"
            } else {
                "deprecated"
            }
        }
    };
    let reasons = if verdict == Verdict::Accept {
        let mut rules: Vec<String> = findings
            .iter()
            .filter_map(|f| f.decision.deciding().map(|o| format!("`{}`", o.rule.id)))
            .collect();
        rules.sort();
        rules.dedup();
        let plural = if rules.len() == 1 { "" } else { "s" };
        vec![format!(
            "every signature acceptable (rule{plural} {})",
            rules.join(", ")
        )]
    } else {
        // One line per judgement, naming the signatures it applies to.
        let mut lines: Vec<(String, Vec<&str>)> = Vec::new();
        for f in worst {
            let d = &f.decision;
            let why = match d.deciding() {
                Some(o) => match o.phase {
                    Some(phase) => format!("{phase} (rule `{}`)", o.rule.id),
                    None => format!("no phase covers the date (rule `{}`)", o.rule.id),
                },
                None => d.reason(),
            };
            let key = format!("{} {} at {}: {why}", d.usage, d.algorithm, d.at);
            let what = if f.label == DOCUMENT_LABEL {
                "document"
            } else {
                "certificate"
            };
            match lines.iter_mut().find(|(k, _)| *k == key) {
                Some((_, whats)) => {
                    if !whats.contains(&what) {
                        whats.push(what);
                    }
                }
                None => lines.push((key, vec![what])),
            }
        }
        lines
            .into_iter()
            .map(|(key, whats)| {
                let plural = if whats.len() == 1 { "" } else { "s" };
                format!("{key}; {} signature{plural}", whats.join(" and "))
            })
            .collect()
    };
    Sunset {
        verdict,
        word,
        reasons,
    }
}

// --- output ------------------------------------------------------------------------------

fn day(t: UnixTime) -> String {
    t.to_string()[..10].to_owned()
}

fn key_text(key: Option<PublicKeyInfo>) -> String {
    match key {
        Some(PublicKeyInfo::Rsa { modulus_bits }) => format!("RSA-{modulus_bits}"),
        Some(PublicKeyInfo::Ec { curve }) => format!("ECDSA {}", curve.name()),
        _ => "unknown key".to_owned(),
    }
}

fn path_cell(p: &Option<PathVerdict>) -> String {
    match p {
        None => "-".to_owned(),
        Some(PathVerdict { result: Err(e), .. }) => format!("invalid: {}", e.kind()),
        Some(PathVerdict {
            result: Ok(_),
            fallback: Some(_),
            ..
        }) => "valid at signing".to_owned(),
        Some(PathVerdict { result: Ok(_), .. }) => "valid".to_owned(),
    }
}

fn path_reason(p: &PathVerdict, at: UnixTime, document: &Loaded) -> String {
    let mut text = String::new();
    if let Some(e) = p.fallback {
        let why = match e {
            Error::CertExpired { .. } => format!(
                "the signer certificate had expired ({})",
                day(document.signer.validity().not_after)
            ),
            Error::CrlNotCurrent { .. } | Error::RevocationStatusUnknown { .. } => {
                "no CRL is current".to_owned()
            }
            other => other.to_string(),
        };
        text.push_str(&format!("at {} {why}, so ", day(at)));
    }
    match &p.result {
        Ok(t) => {
            let when = if p.fallback.is_some() {
                "at the signing time"
            } else {
                "at"
            };
            text.push_str(&format!(
                "validated {when} {}: card -> {}",
                day(*t),
                p.root.as_deref().unwrap_or("a signing root")
            ));
            if let Some(crl) = &p.crl {
                text.push_str(&format!(", CRL {crl}: good"));
            }
        }
        Err(e) => text.push_str(&e.to_string()),
    }
    text
}

/// `root` relative to the working directory when it lies below it (`vectors` when run from
/// the repository), otherwise as given.
fn shown_path(root: &Path) -> PathBuf {
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    std::env::current_dir()
        .ok()
        .and_then(|cwd| canonical.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or(canonical)
}

/// Prints `prefix` and `text`, wrapped at 100 columns with continuation lines indented by 8
/// more columns than the prefix's indentation.
fn wrapped(prefix: &str, text: &str) {
    const WIDTH: usize = 100;
    let indent = " ".repeat(prefix.len() - prefix.trim_start().len() + 8);
    let mut line = prefix.to_owned();
    let mut empty = true;
    for word in text.split(' ') {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            println!("{line}");
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    println!("{line}");
}

fn print_report(world: &World, rows: &[Row<'_>]) {
    println!(
        "jpki-verify demo: signed documents across the JPKI RSA-2048 -> ECDSA P-384 migration"
    );
    println!(
        "vectors: {}/ (a fictional test PKI shaped like JPKI)",
        shown_path(&world.root).display()
    );
    println!();
    println!(
        "Signing trust store: {} custom anchors (test roots carrying the J-LIS name, not pinned);",
        world.store.anchors(JpkiPurpose::Signing).len()
    );
    println!(
        "the {} user-authentication roots are kept in their own list and never anchor these paths.",
        world.store.anchors(JpkiPurpose::UserAuthentication).len()
    );
    for info in world.store.anchor_info(JpkiPurpose::Signing) {
        println!(
            "  {:<20} {:<12} {} .. {}",
            info.label,
            key_text(info.key),
            day(info.not_before),
            day(info.not_after)
        );
    }
    println!(
        "CRLs: {} from vectors/migration-world/crls",
        world.crls.len()
    );
    println!();
    println!(
        "Documents (CMS SignedData, vectors/cms/signed; signed = the signing-time attribute):"
    );
    for d in &world.documents {
        let c = classify(&d.signer, ProfileChecks::ALL);
        let generation = c
            .card_generation
            .unwrap_or(CardGeneration::Other)
            .to_string();
        let title = if d.doc.title.is_empty() {
            String::new()
        } else {
            format!("; {}", d.doc.title)
        };
        println!(
            "  {}  {:<30} signed {}  {generation}{title}",
            d.doc.letter,
            d.file.trim_start_matches("signed/"),
            d.signing_time.map_or_else(|| "-".to_owned(), day)
        );
    }
    println!();
    println!(
        "{:<3} {:<10}  {:<22}  {:<6}  {:<16}  {:<10}  FINAL",
        "doc", "verified", "table", "crypto", "path", "sunset"
    );
    println!("{}", "-".repeat(98));
    let mut i = 0;
    while i < rows.len() {
        // The rows of one document at one date: one line per table, then the reasons.
        let group: Vec<&Row<'_>> = rows[i..]
            .iter()
            .take_while(|r| std::ptr::eq(r.document, rows[i].document) && r.at == rows[i].at)
            .collect();
        i += group.len();
        for row in &group {
            println!(
                "{:<3} {:<10}  {:<22}  {:<6}  {:<16}  {:<10}  {}",
                row.document.doc.letter,
                day(row.at),
                row.table,
                if row.crypto.is_ok() { "ok" } else { "FAILED" },
                path_cell(&row.path),
                row.sunset.as_ref().map_or("-", |s| s.word),
                row.final_verdict
            );
        }
        let first = group[0];
        if let Err(e) = first.crypto {
            wrapped("      crypto: ", &format!("{e} ({})", e.kind()));
        }
        if let Some(p) = &first.path {
            wrapped("      path: ", &path_reason(p, first.at, first.document));
        }
        for row in &group {
            if let Some(s) = &row.sunset {
                for reason in &s.reasons {
                    wrapped(&format!("      {}: ", row.table), reason);
                }
            }
        }
    }
    println!();
    println!("crypto: the CMS signature and its signed attributes (RFC 5652).");
    println!(
        "path:   the signer certificate's chain to a root of the signing trust store, with the"
    );
    println!("        JPKI signing policy and a current CRL required. When the verification date");
    println!(
        "        cannot be used (certificate expired, no CRL current), the path is validated at"
    );
    println!("        the document's signing time, with the first CRL issued after it.");
    println!(
        "sunset: the table's verdict on the document signature (made at its signing time) and"
    );
    println!(
        "        the certificate signature (made at its notBefore), both verified at the date."
    );
}

fn json_report(world: &World, rows: &[Row<'_>]) -> Value {
    json!({
        "vectors": shown_path(&world.root).display().to_string(),
        "signing_anchors": world.store.anchor_info(JpkiPurpose::Signing).iter().map(|i| json!({
            "label": i.label,
            "not_before": i.not_before.to_string(),
            "not_after": i.not_after.to_string(),
        })).collect::<Vec<_>>(),
        "documents": world.documents.iter().map(|d| json!({
            "letter": d.doc.letter,
            "id": d.doc.id,
            "file": d.file,
            "title": d.doc.title,
            "signer": d.signer.subject().to_string(),
            "signing_time": d.signing_time.map(|t| t.to_string()),
        })).collect::<Vec<_>>(),
        "rows": rows.iter().map(|r| json!({
            "document": r.document.doc.letter,
            "at": r.at.to_string(),
            "table": r.table,
            "crypto": match r.crypto {
                Ok(alg) => json!({ "ok": true, "algorithm": alg }),
                Err(e) => json!({ "ok": false, "error": e.kind() }),
            },
            "path": r.path.as_ref().map(|p| json!({
                "valid": p.result.is_ok(),
                "validated_at": p.result.as_ref().ok().map(|t| t.to_string()),
                "error": p.result.as_ref().err().map(|e| e.kind()),
                "fallback_reason": p.fallback.map(|e| e.kind()),
                "root": p.root,
                "crl": p.crl,
            })),
            "sunset": r.sunset.as_ref().map(|s| json!({
                "verdict": s.verdict.id(),
                "word": s.word,
                "reasons": s.reasons,
            })),
            "final": r.final_verdict,
        })).collect::<Vec<_>>(),
    })
}

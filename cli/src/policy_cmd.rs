//! `jpki-verify policy`: the algorithm sunset tables - list, show, check, exposure.
//!
//! TABLE is a built-in table (`cryptrec-ls0003`, `nist-ir8547@2024-draft`, ...) or the path
//! of a TOML table file. Exit status: `check` 0 when accepted (a warning is printed and still
//! exits 0), 1 when rejected; `exposure` 1 when a certificate's validity reaches a date from
//! which the table rejects its algorithm, 0 otherwise; 2 for usage errors, unreadable input
//! and malformed tables.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use der::Decode;
use jpki_verify::policy::{
    AlgorithmDescriptor, BUILTIN_TABLES, CertificateExposure, Crossing, Date, Decision,
    GenerationOutcome, HashSelector, IssuancePlan, JPKI_CARD_GENERATIONS, KeyStrength, ParameterSet, PlanCrossing, PlanExposure, Rule,
    StrengthSelector, Sunset, Table, Use, Verdict, hash_id,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{HashAlgorithm, NamedCurve, PublicKeyInfo, SignatureScheme};
use serde_json::{Value, json};

use crate::input::{InputKind, der_objects, read_input};
use crate::pki_args::{load_table, parse_date};
use crate::report::{InputError, Outcome, input_failure, print_json};

#[derive(Args)]
pub struct PolicyArgs {
    #[command(subcommand)]
    command: PolicyCommand,
}

#[derive(Subcommand)]
enum PolicyCommand {
    /// List the built-in sunset tables.
    List {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show a table's rules and dates.
    Show {
        /// A built-in table (e.g. cryptrec-ls0003, nist-ir8547@2024-draft) or a TOML file.
        table: String,
        /// Print the table as TOML (the file format; a starting point for a custom table).
        #[arg(long, conflicts_with = "json")]
        toml: bool,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Judge one signature algorithm on a date: accept, accept with a warning, or reject.
    #[command(after_help = exit_status!(
        "accepted (a warning is printed and still exits 0)",
        "rejected"
    ))]
    Check(CheckArgs),
    /// Which sunsets a certificate's validity, or a planned issuance, runs past.
    #[command(after_help = exit_status!(
        "no rejection reached",
        "the certificate's validity or the plan reaches a date from which the table rejects \
         its algorithm"
    ))]
    Exposure(ExposureArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum UseArg {
    /// Creating a signature: signing a document, issuing a certificate or CRL.
    Create,
    /// Verifying an existing signature.
    Verify,
}

#[derive(Args)]
struct CheckArgs {
    /// A built-in table or a TOML file.
    #[arg(long)]
    table: String,
    /// Signature algorithm, e.g. rsa-pkcs1-sha256, ecdsa-p384-sha384 (also for planning:
    /// ecdsa-p224-sha256, ecdsa-p521-sha512, ed25519, ed448, ml-dsa-44, ml-dsa-65, ml-dsa-87).
    #[arg(long, value_parser = algorithm_names())]
    alg: String,
    /// RSA modulus length in bits (RSA algorithms only; default 2048).
    #[arg(long)]
    key_bits: Option<u32>,
    /// What is done with the signature.
    #[arg(long = "use", value_enum)]
    usage: UseArg,
    /// The date judged, YYYY-MM-DD (or an RFC 3339 time: its UTC date): the signing date
    /// for create, the validation date for verify.
    #[arg(long, value_parser = parse_date)]
    at: Date,
    /// With --use verify: when the signature was made. It is then also judged as created on
    /// that date, and the worse verdict counts. Same forms as --at.
    #[arg(long, value_parser = parse_date)]
    signed_at: Option<Date>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ExposureArgs {
    /// A built-in table or a TOML file.
    #[arg(long)]
    table: String,
    /// A certificate (PEM or DER): its validity and certified key are analysed.
    #[arg(required_unless_present_any = ["issued_from", "generations"], conflicts_with_all = ["issued_from", "issued_until", "validity_years", "generations"])]
    cert: Option<PathBuf>,
    /// Instead of a certificate or a plan: the JPKI card generations (RSA-2048 card, the
    /// next card's ECDSA P-384 FY2028 cohort, and an ML-DSA-65 what-if card of the same
    /// cohort), each against the day the table stops accepting its algorithm.
    #[arg(long, conflicts_with_all = ["issued_from", "alg", "key_bits"])]
    generations: bool,
    /// Signature algorithm of the certified keys (for a plan; for a certificate it defaults
    /// to the key's usual one: rsa-pkcs1-sha256, ecdsa-p256-sha256, ecdsa-p384-sha384).
    #[arg(long, value_parser = algorithm_names(), required_unless_present_any = ["cert", "generations"])]
    alg: Option<String>,
    /// RSA modulus length in bits, for a plan (default 2048).
    #[arg(long, conflicts_with = "cert")]
    key_bits: Option<u32>,
    /// First issue date of the plan, YYYY-MM-DD (same forms as check --at).
    #[arg(long, value_parser = parse_date, requires_all = ["issued_until", "validity_years"])]
    issued_from: Option<Date>,
    /// Last issue date of the plan, YYYY-MM-DD (same forms as check --at).
    #[arg(long, value_parser = parse_date, requires = "issued_from")]
    issued_until: Option<Date>,
    /// Validity of each planned certificate, in years (valid through the same calendar day).
    #[arg(long, requires = "issued_from")]
    validity_years: Option<u16>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// Algorithm names accepted by `--alg`: the backend's, then policy-only ones for planning.
const EXTRA_ALGORITHMS: [&str; 7] = [
    "ecdsa-p224-sha256",
    "ecdsa-p521-sha512",
    "ed25519",
    "ed448",
    "ml-dsa-44",
    "ml-dsa-65",
    "ml-dsa-87",
];

fn algorithm_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = BACKEND.algorithms.iter().map(|a| a.name()).collect();
    names.extend(EXTRA_ALGORITHMS);
    names
}

/// The descriptor for `--alg` and `--key-bits`.
fn descriptor(alg: &str, key_bits: Option<u32>) -> Result<AlgorithmDescriptor, InputError> {
    if let Some(algorithm) = BACKEND.by_name(alg) {
        let key = match algorithm.scheme() {
            SignatureScheme::RsaPkcs1v15 | SignatureScheme::RsaPss => PublicKeyInfo::Rsa {
                modulus_bits: key_bits.unwrap_or(2048),
            },
            SignatureScheme::Ecdsa { curve, .. } => {
                no_key_bits(alg, key_bits)?;
                PublicKeyInfo::Ec { curve }
            }
            _ => return Err(InputError(format!("{alg}: unsupported scheme"))),
        };
        return AlgorithmDescriptor::from_algorithm(algorithm, key)
            .ok_or_else(|| InputError(format!("{alg}: scheme and key disagree")));
    }
    no_key_bits(alg, key_bits)?;
    let (set, hash) = match alg {
        "ecdsa-p224-sha256" => (ParameterSet::P224, Some(HashAlgorithm::Sha256)),
        "ecdsa-p521-sha512" => (ParameterSet::P521, Some(HashAlgorithm::Sha512)),
        "ed25519" => (ParameterSet::Ed25519, None),
        "ed448" => (ParameterSet::Ed448, None),
        "ml-dsa-44" => (ParameterSet::MlDsa44, None),
        "ml-dsa-65" => (ParameterSet::MlDsa65, None),
        "ml-dsa-87" => (ParameterSet::MlDsa87, None),
        _ => return Err(InputError(format!("unknown algorithm {alg}"))),
    };
    Ok(AlgorithmDescriptor::named(set, hash))
}

fn no_key_bits(alg: &str, key_bits: Option<u32>) -> Result<(), InputError> {
    match key_bits {
        Some(_) => Err(InputError(format!(
            "--key-bits applies to RSA algorithms only, not {alg}"
        ))),
        None => Ok(()),
    }
}

pub fn run(args: &PolicyArgs) -> Outcome {
    match &args.command {
        PolicyCommand::List { json } => list(*json),
        PolicyCommand::Show { table, toml, json } => show(table, *toml, *json),
        PolicyCommand::Check(check_args) => check(check_args),
        PolicyCommand::Exposure(exposure_args) => exposure(exposure_args),
    }
}

// --- list and show ----------------------------------------------------------------------

fn list(as_json: bool) -> Outcome {
    if as_json {
        let tables: Vec<Value> = BUILTIN_TABLES
            .iter()
            .map(|t| {
                json!({
                    "name": t.qualified_name(),
                    "title": t.title,
                    "source": t.source,
                    "rules": t.rules.len(),
                })
            })
            .collect();
        print_json(&json!({ "tables": tables }));
    } else {
        for t in BUILTIN_TABLES {
            println!("{:<28} {}", t.qualified_name(), t.title);
        }
    }
    Outcome::Verified
}

fn show(name: &str, as_toml: bool, as_json: bool) -> Outcome {
    let loaded = match load_table(name) {
        Ok(loaded) => loaded,
        Err(err) => return input_failure(&err, as_json),
    };
    let table = loaded.get();
    if as_toml {
        print!("{}", table.to_toml());
    } else if as_json {
        print_json(&table_json(table));
    } else {
        println!("{}: {}", table.qualified_name(), table.title);
        println!("source: {}", table.source);
        println!("{}", table.description);
        if !table.equivalence.is_empty() {
            println!("\nsecurity-strength equivalence:");
            for class in table.equivalence.iter() {
                let rsa = class
                    .rsa_min_bits
                    .map(|b| format!("RSA >= {b}"))
                    .unwrap_or_default();
                let named: Vec<&str> = class.named.iter().map(|s| s.name()).collect();
                println!(
                    "  {:>3} bits: {}{}{}",
                    class.security_bits,
                    rsa,
                    if rsa.is_empty() || named.is_empty() {
                        ""
                    } else {
                        "; "
                    },
                    named.join(", ")
                );
            }
        }
        for rule in table.rules.iter() {
            println!("\nrule {} ({})", rule.id, rule.scope());
            for phase in rule.phases.iter() {
                println!("  {phase}");
            }
            println!("  source: {}", rule.citation);
            if !rule.note.is_empty() {
                println!("  note: {}", rule.note);
            }
        }
    }
    Outcome::Verified
}

fn table_json(table: &Table) -> Value {
    let equivalence: Vec<Value> = table
        .equivalence
        .iter()
        .map(|c| {
            json!({
                "security_bits": c.security_bits,
                "rsa_min_bits": c.rsa_min_bits,
                "named": c.named.iter().map(|s| s.name()).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "name": table.qualified_name(),
        "title": table.title,
        "source": table.source,
        "description": table.description,
        "equivalence": equivalence,
        "rules": table.rules.iter().map(rule_json).collect::<Vec<_>>(),
    })
}

fn rule_json(rule: &Rule) -> Value {
    let strength = match &rule.strength {
        StrengthSelector::Any => json!("any"),
        StrengthSelector::RsaBits { min, max } => json!({ "rsa_bits": { "min": min, "max": max } }),
        StrengthSelector::SecurityBits { min, max } => {
            json!({ "security_bits": { "min": min, "max": max } })
        }
        StrengthSelector::Named(sets) => {
            json!({ "named": sets.iter().map(|s| s.name()).collect::<Vec<_>>() })
        }
    };
    let hash = match &rule.hash {
        HashSelector::Only(list) => json!(list.iter().map(|h| hash_id(*h)).collect::<Vec<_>>()),
        HashSelector::Any => json!("any"),
    };
    let phases: Vec<Value> = rule
        .phases
        .iter()
        .map(|p| {
            json!({
                "status": p.status.id(),
                "from": p.from.map(|d| d.to_string()),
                "until": p.until.map(|d| d.to_string()),
            })
        })
        .collect();
    json!({
        "id": rule.id,
        "family": rule.family.map_or("any", |f| f.id()),
        "strength": strength,
        "hash": hash,
        "use": rule.applies_to.id(),
        "phases": phases,
        "citation": rule.citation,
        "note": rule.note,
    })
}

// --- check ------------------------------------------------------------------------------

fn algorithm_json(table: &Table, name: &str, alg: &AlgorithmDescriptor) -> Value {
    let key = match alg.key {
        KeyStrength::Rsa { modulus_bits } => json!({ "type": "rsa", "bits": modulus_bits }),
        KeyStrength::Named(set) => json!({ "type": set.family().id(), "parameters": set.name() }),
    };
    json!({
        "name": name,
        "description": alg.to_string(),
        "family": alg.family().id(),
        "key": key,
        "hash": alg.hash.map(hash_id),
        "security_bits": table.security_bits(alg.key),
    })
}

fn decision_json(decision: &Decision<'_>) -> Value {
    let rules: Vec<Value> = decision
        .outcomes
        .iter()
        .map(|o| {
            json!({
                "id": o.rule.id,
                "verdict": o.verdict.id(),
                "status": o.phase.map(|p| p.status.id()),
                "from": o.phase.and_then(|p| p.from).map(|d| d.to_string()),
                "until": o.phase.and_then(|p| p.until).map(|d| d.to_string()),
                "citation": o.rule.citation,
                "note": o.rule.note,
            })
        })
        .collect();
    json!({
        "use": decision.usage.id(),
        "at": decision.at.to_string(),
        "verdict": decision.verdict.id(),
        "covered": decision.covered,
        "reason": decision.reason(),
        "deciding_rule": decision.deciding().map(|o| o.rule.id.to_string()),
        "rules": rules,
    })
}

fn print_decision(decision: &Decision<'_>) {
    println!(
        "{}: {} {} at {}",
        decision.verdict, decision.usage, decision.algorithm, decision.at
    );
    if !decision.covered {
        println!("  {}", decision.reason());
    }
    for outcome in &decision.outcomes {
        let phase = outcome
            .phase
            .map_or_else(|| "no phase covers the date".to_string(), |p| p.to_string());
        println!("  rule {}: {phase}", outcome.rule.id);
        println!("    source: {}", outcome.rule.citation);
        if outcome.verdict != Verdict::Accept && !outcome.rule.note.is_empty() {
            println!("    note: {}", outcome.rule.note);
        }
    }
}

fn check(args: &CheckArgs) -> Outcome {
    let prepared = (|| -> Result<_, InputError> {
        if args.signed_at.is_some() && matches!(args.usage, UseArg::Create) {
            return Err(InputError(
                "--signed-at goes with --use verify (for --use create, --at is the signing date)"
                    .into(),
            ));
        }
        Ok((
            load_table(&args.table)?,
            descriptor(&args.alg, args.key_bits)?,
        ))
    })();
    let (loaded, alg) = match prepared {
        Ok(prepared) => prepared,
        Err(err) => return input_failure(&err, args.json),
    };
    let table = loaded.get();

    let mut decisions: Vec<Decision<'_>> = Vec::new();
    match (args.usage, args.signed_at) {
        (UseArg::Create, _) => decisions.push(table.evaluate(&alg, Use::Create, args.at)),
        (UseArg::Verify, None) => decisions.push(table.evaluate(&alg, Use::Verify, args.at)),
        (UseArg::Verify, Some(signed_at)) => {
            let assessment = table.evaluate_signature(&alg, Some(signed_at), args.at);
            decisions.extend(assessment.findings.into_iter().map(|f| f.decision));
        }
    }
    let verdict = decisions
        .iter()
        .map(|d| d.verdict)
        .max()
        .unwrap_or(Verdict::Reject);

    if args.json {
        print_json(&json!({
            "table": table.qualified_name(),
            "algorithm": algorithm_json(table, &args.alg, &alg),
            "verdict": verdict.id(),
            "accepted": verdict.is_accepted(),
            "warning": verdict == Verdict::AcceptWithWarning,
            "judgements": decisions.iter().map(decision_json).collect::<Vec<_>>(),
        }));
    } else {
        println!("{verdict} under {}", table.qualified_name());
        for decision in &decisions {
            print_decision(decision);
        }
    }
    if verdict == Verdict::AcceptWithWarning {
        for decision in decisions
            .iter()
            .filter(|d| d.verdict == Verdict::AcceptWithWarning)
        {
            eprintln!("jpki-verify: warning: {}", decision.reason());
        }
    }
    if verdict.is_accepted() {
        Outcome::Verified
    } else {
        Outcome::NotVerified
    }
}

// --- exposure ---------------------------------------------------------------------------

/// What `exposure CERT` reads from a certificate.
struct CertFacts {
    subject: String,
    not_before: Date,
    not_after: Date,
    key: PublicKeyInfo,
}

fn read_certificate(path: &Path) -> Result<CertFacts, InputError> {
    let bytes = read_input(path, InputKind::Certificate)?;
    let objects = der_objects(path, bytes)?;
    let [object] = objects.as_slice() else {
        return Err(InputError(format!(
            "{}: expected one certificate, found {} PEM blocks",
            path.display(),
            objects.len()
        )));
    };
    let cert = x509_cert::Certificate::from_der(&object.der)
        .map_err(|e| InputError(format!("{}: not a certificate: {e}", path.display())))?;
    let tbs = cert.tbs_certificate();
    let validity = tbs.validity();
    let spki = der::Encode::to_der(tbs.subject_public_key_info())
        .map_err(|e| InputError(format!("{}: {e}", path.display())))?;
    let key = PublicKeyInfo::from_spki(&spki)
        .map_err(|e| InputError(format!("{}: certified key: {e}", path.display())))?;
    Ok(CertFacts {
        subject: tbs.subject().to_string(),
        not_before: Date::from(validity.not_before.to_date_time()),
        not_after: Date::from(validity.not_after.to_date_time()),
        key,
    })
}

/// The usual signature algorithm of a certified key, when `--alg` is not given.
fn default_algorithm(key: PublicKeyInfo) -> Option<&'static str> {
    match key {
        PublicKeyInfo::Rsa { .. } => Some("rsa-pkcs1-sha256"),
        PublicKeyInfo::Ec { curve } => match curve {
            NamedCurve::P256 => Some("ecdsa-p256-sha256"),
            NamedCurve::P384 => Some("ecdsa-p384-sha384"),
            _ => None,
        },
        _ => None,
    }
}

fn sunset_json(sunset: &Sunset<'_>) -> Value {
    json!({
        "date": sunset.date.to_string(),
        "last_day_before": sunset.last_day_before().map(|d| d.to_string()),
        "use": sunset.usage.id(),
        "rule": sunset.rule.id,
        "citation": sunset.rule.citation,
        "from_status": sunset.before.id(),
        "to_status": sunset.after.id(),
        "verdict_before": sunset.verdict_before.id(),
        "verdict_after": sunset.verdict_after.id(),
    })
}

fn sunset_text(sunset: &Sunset<'_>) -> String {
    format!(
        "{} {}: {} -> {} (rule {})",
        sunset.date, sunset.usage, sunset.before, sunset.after, sunset.rule.id
    )
}

fn crossing_json(c: &Crossing<'_>) -> Value {
    json!({
        "sunset": sunset_json(&c.sunset),
        "crossed": c.crossed,
        "issued_on_or_after": c.issued_on_or_after,
        "days_past": c.days_past,
    })
}

fn plan_crossing_json(c: &PlanCrossing<'_>) -> Value {
    let range = |r: Option<(Date, Date)>| {
        r.map(|(a, b)| json!({ "first": a.to_string(), "last": b.to_string() }))
    };
    json!({
        "sunset": sunset_json(&c.sunset),
        "crossing_issues": range(c.crossing_issues),
        "crossing_issue_days": c.crossing_issue_days,
        "min_days_past": c.min_days_past,
        "max_days_past": c.max_days_past,
        "issued_on_or_after": range(c.issued_on_or_after),
    })
}

fn exposure(args: &ExposureArgs) -> Outcome {
    let loaded = match load_table(&args.table) {
        Ok(loaded) => loaded,
        Err(err) => return input_failure(&err, args.json),
    };
    let table = loaded.get();
    if args.generations {
        return generations_exposure(args, table);
    }
    match &args.cert {
        Some(path) => certificate_exposure(args, table, path),
        None => plan_exposure(args, table),
    }
}

/// `exposure --generations`: one row per card generation; exit 1 when a generation that
/// exists (not a what-if) has certificates valid past the table's rejection.
fn generations_exposure(args: &ExposureArgs, table: &Table) -> Outcome {
    let rows = table.generations_exposure(&JPKI_CARD_GENERATIONS);
    let outcome_text = |o: &GenerationOutcome| match *o {
        GenerationOutcome::NotAcceptedAtIssue => {
            "not accepted by this table (not covered or already rejected)".to_string()
        }
        GenerationOutcome::CrossesRejection {
            rejected_from,
            days_past,
        } => format!("CROSSES: still valid {days_past} days on or after the rejection from {rejected_from}"),
        GenerationOutcome::ExpiresBeforeRejection { rejected_from } => {
            format!("expires before the rejection from {rejected_from}")
        }
        GenerationOutcome::NeverRejected => "never rejected by this table".to_string(),
    };
    if args.json {
        let json_rows: Vec<Value> = rows
            .iter()
            .map(|r| {
                json!({
                    "generation": r.generation.name,
                    "hypothetical": r.generation.hypothetical,
                    "algorithm": r.generation.algorithm.to_string(),
                    "first_issue": r.generation.first_issue.to_string(),
                    "last_issue": r.generation.last_issue.to_string(),
                    "validity_years": r.generation.validity_years,
                    "last_expiry": r.last_expiry.to_string(),
                    "crosses_rejection": r.crosses_rejection(),
                    "outcome": outcome_text(&r.outcome),
                })
            })
            .collect();
        print_json(&json!({ "table": table.qualified_name(), "generations": json_rows }));
    } else {
        println!("card generations under {} (verification):", table.qualified_name());
        for r in &rows {
            let g = &r.generation;
            println!(
                "  {}: {}, issued {} .. {}, {}-year validity, last expiry {}",
                g.name, g.algorithm, g.first_issue, g.last_issue, g.validity_years, r.last_expiry
            );
            println!("    {}", outcome_text(&r.outcome));
        }
    }
    if rows
        .iter()
        .any(|r| r.crosses_rejection() && !r.generation.hypothetical)
    {
        Outcome::NotVerified
    } else {
        Outcome::Verified
    }
}

fn certificate_exposure(args: &ExposureArgs, table: &Table, path: &Path) -> Outcome {
    let prepared = (|| -> Result<_, InputError> {
        let facts = read_certificate(path)?;
        let name = match &args.alg {
            Some(name) => name.clone(),
            None => default_algorithm(facts.key)
                .ok_or_else(|| InputError(format!("{}: give --alg for this key", path.display())))?
                .to_string(),
        };
        let algorithm = BACKEND.by_name(&name).ok_or_else(|| {
            InputError(format!("--alg {name}: not usable with a certificate's key"))
        })?;
        let alg = AlgorithmDescriptor::from_algorithm(algorithm, facts.key).ok_or_else(|| {
            InputError(format!(
                "{}: the certified key does not fit --alg {name}",
                path.display()
            ))
        })?;
        Ok((facts, name, alg))
    })();
    let (facts, name, alg) = match prepared {
        Ok(prepared) => prepared,
        Err(err) => return input_failure(&err, args.json),
    };
    let exposure = table.certificate_exposure(&alg, facts.not_before, facts.not_after);
    let rejected = exposure
        .crossings
        .iter()
        .any(|c| c.days_past > 0 && c.sunset.verdict_after == Verdict::Reject);

    if args.json {
        print_json(&json!({
            "table": table.qualified_name(),
            "certificate": {
                "file": path.display().to_string(),
                "subject": facts.subject,
                "not_before": facts.not_before.to_string(),
                "not_after": facts.not_after.to_string(),
            },
            "algorithm": algorithm_json(table, &name, &alg),
            "exposed": exposure.is_exposed(),
            "reaches_rejection": rejected,
            "sunsets": exposure.crossings.iter().map(crossing_json).collect::<Vec<_>>(),
        }));
    } else {
        print_certificate_exposure(table, &facts, &exposure);
    }
    if rejected {
        Outcome::NotVerified
    } else {
        Outcome::Verified
    }
}

fn print_certificate_exposure(
    table: &Table,
    facts: &CertFacts,
    exposure: &CertificateExposure<'_>,
) {
    println!(
        "certificate {}: {}, valid {} .. {}",
        facts.subject, exposure.algorithm, exposure.not_before, exposure.not_after
    );
    println!("table {}", table.qualified_name());
    if exposure.crossings.is_empty() {
        println!("  no sunset for this algorithm");
    }
    for c in &exposure.crossings {
        let what = if c.crossed {
            format!("crossed: valid {} days past it", c.days_past)
        } else if c.issued_on_or_after {
            format!("issued after it: all {} days of validity", c.days_past)
        } else {
            "expires before it".to_string()
        };
        println!("  {}: {what}", sunset_text(&c.sunset));
    }
}

fn plan_exposure(args: &ExposureArgs, table: &Table) -> Outcome {
    let prepared = (|| -> Result<_, InputError> {
        let name = args.alg.clone().unwrap_or_default();
        let alg = descriptor(&name, args.key_bits)?;
        let (Some(first_issue), Some(last_issue), Some(validity_years)) =
            (args.issued_from, args.issued_until, args.validity_years)
        else {
            return Err(InputError(
                "a plan needs --issued-from, --issued-until and --validity-years".into(),
            ));
        };
        let plan = IssuancePlan {
            algorithm: alg,
            first_issue,
            last_issue,
            validity_years,
        };
        let exposure = table
            .plan_exposure(&plan)
            .map_err(|e| InputError(format!("invalid plan: {e}")))?;
        Ok((name, exposure))
    })();
    let (name, exposure) = match prepared {
        Ok(prepared) => prepared,
        Err(err) => return input_failure(&err, args.json),
    };
    let plan = exposure.plan;
    let rejected = exposure.crossings.iter().any(|c| {
        (c.crossing_issues.is_some() || c.issued_on_or_after.is_some())
            && c.sunset.verdict_after == Verdict::Reject
    });

    if args.json {
        print_json(&json!({
            "table": table.qualified_name(),
            "plan": {
                "first_issue": plan.first_issue.to_string(),
                "last_issue": plan.last_issue.to_string(),
                "validity_years": plan.validity_years,
                "last_expiry": exposure.last_expiry.to_string(),
            },
            "algorithm": algorithm_json(table, &name, &plan.algorithm),
            "exposed": exposure.is_exposed(),
            "reaches_rejection": rejected,
            "sunsets": exposure.crossings.iter().map(plan_crossing_json).collect::<Vec<_>>(),
        }));
    } else {
        print_plan_exposure(table, &exposure);
    }
    if rejected {
        Outcome::NotVerified
    } else {
        Outcome::Verified
    }
}

fn print_plan_exposure(table: &Table, exposure: &PlanExposure<'_>) {
    let plan = &exposure.plan;
    println!(
        "plan: {} certificates issued {} .. {}, {}-year validity (last expiry {})",
        plan.algorithm,
        plan.first_issue,
        plan.last_issue,
        plan.validity_years,
        exposure.last_expiry
    );
    println!("table {}", table.qualified_name());
    if exposure.crossings.is_empty() {
        println!("  no sunset for this algorithm");
    }
    for c in &exposure.crossings {
        let mut what = match c.crossing_issues {
            Some((first, last)) => format!(
                "certificates issued {first} .. {last} ({} issue days) are valid past it by {} .. {} days",
                c.crossing_issue_days, c.min_days_past, c.max_days_past
            ),
            None => "no certificate issued before it is still valid on it".to_string(),
        };
        if let Some((first, last)) = c.issued_on_or_after {
            what.push_str(&format!("; issued on or after it: {first} .. {last}"));
        }
        println!("  {}: {what}", sunset_text(&c.sunset));
    }
}

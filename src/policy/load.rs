//! Loading a table from TOML text (`std` feature).
//!
//! The text is parsed into raw structures that keep every value's byte span, converted to
//! the model, then checked with [`Table::validate`]; every error names the 1-based line and
//! the rule it concerns.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::date::Date;
use super::error::{Location, PolicyTableError, PolicyTableErrorKind as Kind};
use super::model::{
    AlgorithmFamily, HashSelector, ParameterSet, Phase, Rule, Status, StrengthClass,
    StrengthSelector, Table, UseSelector, hash_from_id,
};
use super::validate::rule_label;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    table: Spanned<RawHeader>,
    #[serde(default)]
    equivalence: Vec<Spanned<RawClass>>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    name: Spanned<String>,
    version: Spanned<String>,
    title: String,
    source: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    security_bits: u16,
    rsa_min_bits: Option<u32>,
    #[serde(default)]
    named: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange<T> {
    min: Option<T>,
    max: Option<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    family: Spanned<String>,
    rsa_bits: Option<Spanned<RawRange<u32>>>,
    security_bits: Option<Spanned<RawRange<u16>>>,
    named: Option<Spanned<Vec<Spanned<String>>>>,
    hash: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(rename = "use")]
    usage: Spanned<String>,
    phases: Spanned<Vec<Spanned<RawPhase>>>,
    citation: Spanned<String>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    status: Spanned<String>,
    from: Option<Spanned<toml::Value>>,
    until: Option<Spanned<toml::Value>>,
}

/// Byte offset -> 1-based line number.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The label of the `[[rule]]` whose text contains `offset`, from a spanned parse of the
/// document (used for errors that serde reports without context). Array-of-tables elements
/// are spanned by their header, so the rule is the one whose header is the last before
/// `offset`, unless another table's header comes between.
fn rule_containing(root: &DeTable<'_>, offset: usize) -> Option<String> {
    let mut best: Option<(usize, Option<String>)> = None;
    let mut consider = |start: usize, label: Option<String>| {
        if start <= offset && best.as_ref().is_none_or(|(s, _)| *s <= start) {
            best = Some((start, label));
        }
    };
    for (key, value) in root.iter() {
        match value.get_ref() {
            DeValue::Array(elements) => {
                for (index, element) in elements.iter().enumerate() {
                    let label = (key.get_ref() == "rule").then(|| {
                        let id = match element.get_ref() {
                            DeValue::Table(table) => table
                                .get("id")
                                .and_then(|id| id.get_ref().as_str().map(str::to_string)),
                            _ => None,
                        };
                        id.filter(|id| !id.is_empty())
                            .unwrap_or_else(|| format!("#{}", index + 1))
                    });
                    consider(element.span().start, label);
                }
            }
            DeValue::Table(_) => consider(value.span().start, None),
            _ => {}
        }
    }
    best.and_then(|(_, label)| label)
}

/// Context for errors during conversion: the text, for line numbers.
struct Ctx<'a> {
    text: &'a str,
}

impl Ctx<'_> {
    fn error(
        &self,
        kind: Kind,
        span: Range<usize>,
        rule: Option<&str>,
        message: String,
    ) -> PolicyTableError {
        PolicyTableError::new(kind, message)
            .with_line(Some(line_of(self.text, span.start)))
            .with_rule(rule.map(str::to_string))
    }
}

fn family_from(
    ctx: &Ctx<'_>,
    label: &str,
    raw: &Spanned<String>,
) -> Result<Option<AlgorithmFamily>, PolicyTableError> {
    if raw.get_ref().eq_ignore_ascii_case("any") {
        return Ok(None);
    }
    AlgorithmFamily::from_id(raw.get_ref())
        .map(Some)
        .ok_or_else(|| {
            ctx.error(
                Kind::UnknownFamily,
                raw.span(),
                Some(label),
                format!(
                    "unknown algorithm family `{}` (expected rsa, ecdsa, eddsa, ml-dsa or any)",
                    raw.get_ref()
                ),
            )
        })
}

fn parameter_set_from(
    ctx: &Ctx<'_>,
    label: Option<&str>,
    raw: &Spanned<String>,
) -> Result<ParameterSet, PolicyTableError> {
    ParameterSet::from_name(raw.get_ref()).ok_or_else(|| {
        let known: Vec<&str> = ParameterSet::ALL.iter().map(|p| p.name()).collect();
        ctx.error(
            Kind::UnknownParameterSet,
            raw.span(),
            label,
            format!(
                "unknown curve or parameter set `{}` (expected one of {})",
                raw.get_ref(),
                known.join(", ")
            ),
        )
    })
}

fn date_from(
    ctx: &Ctx<'_>,
    label: &str,
    key: &str,
    raw: &Spanned<toml::Value>,
) -> Result<Date, PolicyTableError> {
    let invalid = |message: String| ctx.error(Kind::InvalidDate, raw.span(), Some(label), message);
    match raw.get_ref() {
        toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Date::new(date.year, date.month, date.day)
                .ok_or_else(|| invalid(format!("`{key}` = {dt}: no such date"))),
            _ => Err(invalid(format!(
                "`{key}` = {dt}: expected a plain date such as 2030-12-31, without time or offset"
            ))),
        },
        toml::Value::String(s) => s
            .parse::<Date>()
            .map_err(|e| invalid(format!("`{key}` = \"{s}\": {e}"))),
        other => Err(invalid(format!(
            "`{key}` must be a date such as 2030-12-31, not a {}",
            other.type_str()
        ))),
    }
}

fn convert_rule(ctx: &Ctx<'_>, index: usize, raw: &RawRule) -> Result<Rule, PolicyTableError> {
    let label = if raw.id.get_ref().is_empty() {
        format!("#{}", index + 1)
    } else {
        raw.id.get_ref().clone()
    };
    let label = label.as_str();
    let family = family_from(ctx, label, &raw.family)?;

    let selectors = usize::from(raw.rsa_bits.is_some())
        + usize::from(raw.security_bits.is_some())
        + usize::from(raw.named.is_some());
    if selectors > 1 {
        let span = [
            raw.rsa_bits.as_ref().map(Spanned::span),
            raw.security_bits.as_ref().map(Spanned::span),
            raw.named.as_ref().map(Spanned::span),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|s| s.start)
        .unwrap_or(raw.id.span());
        return Err(ctx.error(
            Kind::StrengthMismatch,
            span,
            Some(label),
            String::from("give at most one of `rsa_bits`, `security_bits`, `named`"),
        ));
    }
    let strength = if let Some(range) = &raw.rsa_bits {
        StrengthSelector::RsaBits {
            min: range.get_ref().min,
            max: range.get_ref().max,
        }
    } else if let Some(range) = &raw.security_bits {
        StrengthSelector::SecurityBits {
            min: range.get_ref().min,
            max: range.get_ref().max,
        }
    } else if let Some(named) = &raw.named {
        let sets = named
            .get_ref()
            .iter()
            .map(|s| parameter_set_from(ctx, Some(label), s))
            .collect::<Result<Vec<_>, _>>()?;
        StrengthSelector::Named(Cow::Owned(sets))
    } else {
        StrengthSelector::Any
    };

    let hash = match &raw.hash {
        None => HashSelector::Any,
        Some(list) => {
            let hashes = list
                .get_ref()
                .iter()
                .map(|h| {
                    hash_from_id(h.get_ref()).ok_or_else(|| {
                        ctx.error(
                            Kind::UnknownHash,
                            h.span(),
                            Some(label),
                            format!(
                                "unknown hash `{}` (expected sha-1, sha-256, sha-384 or sha-512; omit `hash` for any)",
                                h.get_ref()
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            HashSelector::Only(Cow::Owned(hashes))
        }
    };

    let applies_to = UseSelector::from_id(raw.usage.get_ref()).ok_or_else(|| {
        ctx.error(
            Kind::UnknownUse,
            raw.usage.span(),
            Some(label),
            format!(
                "unknown use `{}` (expected create, verify or both)",
                raw.usage.get_ref()
            ),
        )
    })?;

    let mut phases = Vec::with_capacity(raw.phases.get_ref().len());
    for phase in raw.phases.get_ref() {
        let phase = phase.get_ref();
        let status = Status::from_id(phase.status.get_ref()).ok_or_else(|| {
            ctx.error(
                Kind::UnknownStatus,
                phase.status.span(),
                Some(label),
                format!(
                    "unknown status `{}` (expected acceptable, deprecated, legacy or disallowed)",
                    phase.status.get_ref()
                ),
            )
        })?;
        let from = phase
            .from
            .as_ref()
            .map(|d| date_from(ctx, label, "from", d))
            .transpose()?;
        let until = phase
            .until
            .as_ref()
            .map(|d| date_from(ctx, label, "until", d))
            .transpose()?;
        phases.push(Phase {
            status,
            from,
            until,
        });
    }

    Ok(Rule {
        id: Cow::Owned(raw.id.get_ref().clone()),
        family,
        strength,
        hash,
        applies_to,
        phases: Cow::Owned(phases),
        citation: Cow::Owned(raw.citation.get_ref().clone()),
        note: Cow::Owned(raw.note.clone()),
    })
}

/// The span a validation problem points at.
fn span_of(raw: &RawFile, location: Location) -> Range<usize> {
    if let Some(class) = location.class.and_then(|i| raw.equivalence.get(i)) {
        return class.span();
    }
    let Some(rule) = location.rule.and_then(|i| raw.rule.get(i)) else {
        return match location.field {
            Some("version") => raw.table.get_ref().version.span(),
            Some("name") => raw.table.get_ref().name.span(),
            _ => raw.table.span(),
        };
    };
    let spanned = rule.get_ref();
    if let Some(phase) = location.phase.and_then(|i| spanned.phases.get_ref().get(i)) {
        return phase.span();
    }
    let field_span = match location.field {
        Some("id") => Some(spanned.id.span()),
        Some("citation") => Some(spanned.citation.span()),
        Some("phases") => Some(spanned.phases.span()),
        Some("hash") => spanned.hash.as_ref().map(Spanned::span),
        Some("strength") => spanned
            .rsa_bits
            .as_ref()
            .map(Spanned::span)
            .or_else(|| spanned.security_bits.as_ref().map(Spanned::span))
            .or_else(|| spanned.named.as_ref().map(Spanned::span)),
        _ => None,
    };
    // Errors about the rule as a whole point at its id, the first line of its text.
    field_span.unwrap_or_else(|| spanned.id.span())
}

impl Table {
    /// Loads a table from TOML text in the schema [`Table::to_toml`] writes (described in
    /// `docs/policy.md`), and checks it with [`Table::validate`].
    ///
    /// Any problem - a TOML syntax error, an unknown or missing key, an unknown algorithm
    /// family, hash, curve, use or status, an impossible date, phases that overlap, leave a
    /// gap, are out of order or do not cover all time, two rules with the same scope - is a
    /// [`PolicyTableError`] with the 1-based line and the rule's id. The function never
    /// panics, whatever the text.
    ///
    /// ```
    /// use jpki_verify::policy::{Table, builtin};
    /// let cryptrec = builtin("cryptrec-ls0003").unwrap();
    /// let copy = Table::from_toml(&cryptrec.to_toml()).unwrap();
    /// assert_eq!(&copy, cryptrec);
    ///
    /// let text = r#"
    /// [table]
    /// name = "t"
    /// version = "1"
    /// title = "t"
    /// source = "s"
    ///
    /// [[rule]]
    /// id = "x"
    /// family = "dsa"
    /// use = "create"
    /// phases = [{ status = "acceptable" }]
    /// citation = "c"
    /// "#;
    /// let err = Table::from_toml(text).unwrap_err();
    /// assert_eq!(err.to_string(), "line 10: rule `x`: unknown algorithm family `dsa` (expected rsa, ecdsa, eddsa, ml-dsa or any)");
    /// ```
    pub fn from_toml(text: &str) -> Result<Table, PolicyTableError> {
        if text.len() > super::validate::MAX_TABLE_LEN {
            return Err(PolicyTableError::new(
                Kind::TooLarge,
                format!(
                    "{} bytes: tables of at most {} bytes are accepted",
                    text.len(),
                    super::validate::MAX_TABLE_LEN
                ),
            ));
        }
        let root = DeTable::parse(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            PolicyTableError::new(
                Kind::Syntax,
                format!("invalid TOML: {}", e.message().trim()),
            )
            .with_line(line)
        })?;
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let span = e.span();
            let line = span.as_ref().map(|s| line_of(text, s.start));
            let rule = span.and_then(|s| rule_containing(root.get_ref(), s.start));
            PolicyTableError::new(Kind::Schema, e.message().trim().to_string())
                .with_line(line)
                .with_rule(rule)
        })?;
        let ctx = Ctx { text };

        let header = raw.table.get_ref();
        let equivalence = raw
            .equivalence
            .iter()
            .map(|class| {
                let c = class.get_ref();
                let named = c
                    .named
                    .iter()
                    .map(|s| parameter_set_from(&ctx, None, s))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(StrengthClass {
                    security_bits: c.security_bits,
                    rsa_min_bits: c.rsa_min_bits,
                    named: Cow::Owned(named),
                })
            })
            .collect::<Result<Vec<_>, PolicyTableError>>()?;
        let rules = raw
            .rule
            .iter()
            .enumerate()
            .map(|(index, rule)| convert_rule(&ctx, index, rule.get_ref()))
            .collect::<Result<Vec<_>, _>>()?;

        let table = Table {
            name: Cow::Owned(header.name.get_ref().clone()),
            version: Cow::Owned(header.version.get_ref().clone()),
            title: Cow::Owned(header.title.clone()),
            source: Cow::Owned(header.source.clone()),
            description: Cow::Owned(header.description.clone()),
            equivalence: Cow::Owned(equivalence),
            rules: Cow::Owned(rules),
        };
        table.validate().map_err(|e| {
            let span = span_of(&raw, e.location());
            let rule = e.location().rule.map(|i| rule_label(&table.rules, i));
            e.with_line(Some(line_of(text, span.start))).with_rule(rule)
        })?;
        Ok(table)
    }
}

//! Consistency checks shared by the built-in tables (tested) and loaded ones.

use alloc::format;
use alloc::string::String;

use super::error::{Location, PolicyTableError, PolicyTableErrorKind as Kind};
use super::model::{AlgorithmFamily, HashSelector, Phase, Rule, StrengthSelector, Table};

/// Longest TOML text [`Table::from_toml`] accepts, in bytes
/// ([`PolicyTableErrorKind::TooLarge`](super::PolicyTableErrorKind::TooLarge) beyond it).
/// Real tables are a few kilobytes.
pub const MAX_TABLE_LEN: usize = 1024 * 1024;

/// Most rules in one table
/// ([`PolicyTableErrorKind::TooManyRules`](super::PolicyTableErrorKind::TooManyRules) beyond
/// it): validation compares rules pairwise.
pub const MAX_RULES: usize = 1024;

/// Most security-strength equivalence classes in one table
/// ([`PolicyTableErrorKind::TooManyEquivalenceClasses`](super::PolicyTableErrorKind::TooManyEquivalenceClasses)
/// beyond it): validation compares classes pairwise.
pub const MAX_EQUIVALENCE_CLASSES: usize = 64;

/// The label of rule `index` in errors: its id, or `#N` when it has none.
pub(crate) fn rule_label(rules: &[Rule], index: usize) -> String {
    match rules.get(index) {
        Some(rule) if !rule.id.is_empty() => String::from(&*rule.id),
        _ => format!("#{}", index + 1),
    }
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'_')
        })
}

impl Table {
    /// Checks that the table is well formed and not contradictory:
    ///
    /// - the name and version are non-empty `a-z 0-9 - . _`, and there is at least one rule;
    /// - the equivalence is strictly increasing and rates each parameter set once;
    /// - rule ids are non-empty and unique, every rule cites its source;
    /// - strength selectors fit the rule's family (RSA bits only on RSA rules, curves of the
    ///   rule's family, security bits only with an equivalence), ranges are ordered, lists
    ///   are non-empty without repeats;
    /// - each rule's phases are chronological and cover all time: the first has no `from`,
    ///   the last no `until`, each ends no earlier than it starts, and each `from` is the
    ///   day after the previous `until` (no overlap, no gap);
    /// - no two rules have the same scope (family, strength and hash) for the same use.
    ///
    /// The first problem found is returned, naming the rule; [`Table::from_toml`] adds the
    /// line.
    pub fn validate(&self) -> Result<(), PolicyTableError> {
        // Counts first: the checks below compare rules (and classes) pairwise.
        if self.rules.len() > MAX_RULES {
            return Err(PolicyTableError::new(
                Kind::TooManyRules,
                format!(
                    "{} rules: at most {MAX_RULES} are accepted",
                    self.rules.len()
                ),
            ));
        }
        if self.equivalence.len() > MAX_EQUIVALENCE_CLASSES {
            return Err(PolicyTableError::new(
                Kind::TooManyEquivalenceClasses,
                format!(
                    "{} equivalence classes: at most {MAX_EQUIVALENCE_CLASSES} are accepted",
                    self.equivalence.len()
                ),
            ));
        }
        if !valid_name(&self.name) {
            return Err(PolicyTableError::new(
                Kind::InvalidName,
                format!(
                    "table name `{}` must be non-empty lower-case ASCII letters, digits, `-`, `.`, `_`",
                    self.name
                ),
            )
            .at(field("name")));
        }
        if !valid_name(&self.version) {
            return Err(PolicyTableError::new(
                Kind::InvalidName,
                format!(
                    "table version `{}` must be non-empty lower-case ASCII letters, digits, `-`, `.`, `_`",
                    self.version
                ),
            )
            .at(field("version")));
        }
        self.validate_equivalence()?;
        if self.rules.is_empty() {
            return Err(PolicyTableError::new(
                Kind::EmptyTable,
                String::from("the table has no rules: it would reject every signature"),
            ));
        }
        for (index, rule) in self.rules.iter().enumerate() {
            self.validate_rule(index, rule).map_err(|e| {
                let mut location = e.location();
                location.rule = Some(index);
                e.at(location)
                    .with_rule(Some(rule_label(&self.rules, index)))
            })?;
        }
        Ok(())
    }

    fn validate_equivalence(&self) -> Result<(), PolicyTableError> {
        let class_error = |index: usize, message: String| {
            PolicyTableError::new(Kind::InvalidEquivalence, message).at(Location {
                class: Some(index),
                ..Location::default()
            })
        };
        for (index, class) in self.equivalence.iter().enumerate() {
            for earlier in &self.equivalence[..index] {
                if earlier.security_bits >= class.security_bits {
                    return Err(class_error(
                        index,
                        format!(
                            "equivalence classes must be in increasing order of security bits: {} follows {}",
                            class.security_bits, earlier.security_bits
                        ),
                    ));
                }
                if let (Some(a), Some(b)) = (earlier.rsa_min_bits, class.rsa_min_bits)
                    && a >= b
                {
                    return Err(class_error(
                        index,
                        format!(
                            "RSA sizes must increase with security bits: {b} bits for {} is not above {a} bits for {}",
                            class.security_bits, earlier.security_bits
                        ),
                    ));
                }
                if let Some(set) = class.named.iter().find(|s| earlier.named.contains(s)) {
                    return Err(class_error(
                        index,
                        format!(
                            "{set} is rated both {} and {} bits",
                            earlier.security_bits, class.security_bits
                        ),
                    ));
                }
            }
            if let Some((_, set)) = class
                .named
                .iter()
                .enumerate()
                .find(|(i, s)| class.named[..*i].contains(s))
            {
                return Err(class_error(index, format!("{set} is listed twice")));
            }
        }
        Ok(())
    }

    fn validate_rule(&self, index: usize, rule: &Rule) -> Result<(), PolicyTableError> {
        if rule.id.is_empty() {
            return Err(PolicyTableError::new(
                Kind::InvalidName,
                String::from("the rule id is empty"),
            )
            .at(field("id")));
        }
        if let Some(first) = self.rules[..index].iter().position(|r| r.id == rule.id) {
            return Err(PolicyTableError::new(
                Kind::DuplicateRuleId,
                format!("the id is already used by rule #{}", first + 1),
            )
            .at(field("id")));
        }
        if rule.citation.trim().is_empty() {
            return Err(PolicyTableError::new(
                Kind::MissingCitation,
                String::from("every rule must cite its source (`citation`)"),
            )
            .at(field("citation")));
        }
        validate_strength(self, rule)?;
        if let HashSelector::Only(list) = &rule.hash {
            if list.is_empty() {
                return Err(PolicyTableError::new(
                    Kind::InvalidList,
                    String::from("the hash list is empty (omit `hash` for any hash)"),
                )
                .at(field("hash")));
            }
            if let Some((_, hash)) = list
                .iter()
                .enumerate()
                .find(|(i, h)| list[..*i].contains(h))
            {
                return Err(PolicyTableError::new(
                    Kind::InvalidList,
                    format!("{} is listed twice in `hash`", hash.name()),
                )
                .at(field("hash")));
            }
        }
        validate_phases(&rule.phases)?;
        for (other_index, other) in self.rules[..index].iter().enumerate() {
            if other.family == rule.family
                && other.strength == rule.strength
                && other.hash == rule.hash
                && other.applies_to.overlaps(rule.applies_to)
            {
                return Err(PolicyTableError::new(
                    Kind::ConflictingRules,
                    format!(
                        "same scope ({}) as rule `{}`: merge them or split by use",
                        rule.scope(),
                        rule_label(&self.rules, other_index)
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn field(name: &'static str) -> Location {
    Location {
        field: Some(name),
        ..Location::default()
    }
}

fn validate_strength(table: &Table, rule: &Rule) -> Result<(), PolicyTableError> {
    let mismatch = |message: String| {
        Err(PolicyTableError::new(Kind::StrengthMismatch, message).at(field("strength")))
    };
    let range = |min: Option<u64>, max: Option<u64>, name: &str| match (min, max) {
        (Some(min), Some(max)) if min > max => Err(PolicyTableError::new(
            Kind::InvalidRange,
            format!("`{name}`: min {min} is greater than max {max}"),
        )
        .at(field("strength"))),
        _ => Ok(()),
    };
    match &rule.strength {
        StrengthSelector::Any => Ok(()),
        StrengthSelector::RsaBits { min, max } => {
            if rule.family != Some(AlgorithmFamily::Rsa) {
                return mismatch(format!(
                    "`rsa_bits` needs family `rsa`, not `{}`",
                    rule.family.map_or("any", AlgorithmFamily::id)
                ));
            }
            range(min.map(u64::from), max.map(u64::from), "rsa_bits")
        }
        StrengthSelector::SecurityBits { min, max } => {
            if table.equivalence.is_empty() {
                return mismatch(String::from(
                    "`security_bits` needs the table's security-strength equivalence ([[equivalence]])",
                ));
            }
            range(min.map(u64::from), max.map(u64::from), "security_bits")
        }
        StrengthSelector::Named(sets) => {
            if sets.is_empty() {
                return Err(PolicyTableError::new(
                    Kind::InvalidList,
                    String::from("the `named` list is empty (omit it for any strength)"),
                )
                .at(field("strength")));
            }
            if let Some((_, set)) = sets
                .iter()
                .enumerate()
                .find(|(i, s)| sets[..*i].contains(s))
            {
                return Err(PolicyTableError::new(
                    Kind::InvalidList,
                    format!("{set} is listed twice in `named`"),
                )
                .at(field("strength")));
            }
            match rule.family {
                Some(family) => match sets.iter().find(|s| s.family() != family) {
                    Some(set) => mismatch(format!(
                        "{set} is an {} parameter set, not {}",
                        set.family().name(),
                        family.name()
                    )),
                    None => Ok(()),
                },
                None => Ok(()),
            }
        }
    }
}

fn validate_phases(phases: &[Phase]) -> Result<(), PolicyTableError> {
    let at = |index: usize| Location {
        phase: Some(index),
        ..Location::default()
    };
    let error = |kind, index: usize, message: String| {
        Err(PolicyTableError::new(kind, message).at(at(index)))
    };
    let (Some(first), Some(last)) = (phases.first(), phases.last()) else {
        return Err(
            PolicyTableError::new(Kind::NoPhases, String::from("the rule has no phases"))
                .at(field("phases")),
        );
    };
    for (index, phase) in phases.iter().enumerate() {
        if let (Some(from), Some(until)) = (phase.from, phase.until)
            && until < from
        {
            return error(
                Kind::DatesOutOfOrder,
                index,
                format!(
                    "phase {} ends ({until}) before it starts ({from})",
                    index + 1
                ),
            );
        }
    }
    if let Some(from) = first.from {
        return error(
            Kind::PhasesNotCovering,
            0,
            format!(
                "the first phase starts on {from}: phases must cover all time, so the first has no `from`"
            ),
        );
    }
    for index in 1..phases.len() {
        let (previous, phase) = (&phases[index - 1], &phases[index]);
        let n = index + 1;
        let Some(until) = previous.until else {
            return error(
                Kind::PhasesOverlap,
                index,
                format!("phase {} has no end, so phase {n} overlaps it", index),
            );
        };
        let Some(from) = phase.from else {
            return error(
                Kind::PhasesOverlap,
                index,
                format!(
                    "phase {n} has no `from`: it would start at the beginning of time and overlap phase {index}"
                ),
            );
        };
        if previous
            .from
            .is_some_and(|previous_from| from < previous_from)
        {
            return error(
                Kind::DatesOutOfOrder,
                index,
                format!(
                    "phases must be in chronological order: phase {n} starts ({from}) before phase {index}"
                ),
            );
        }
        if from <= until {
            return error(
                Kind::PhasesOverlap,
                index,
                format!("phase {n} starts on {from}, but phase {index} runs until {until}"),
            );
        }
        if until.next_day() != Some(from) {
            return error(
                Kind::PhasesGap,
                index,
                format!(
                    "gap between phase {index} (until {until}) and phase {n} (from {from}): no status is given for the days between"
                ),
            );
        }
    }
    if let Some(until) = last.until {
        return error(
            Kind::PhasesNotCovering,
            phases.len() - 1,
            format!(
                "the last phase ends on {until}: phases must cover all time, so the last has no `until`"
            ),
        );
    }
    Ok(())
}

//! The error for malformed or contradictory tables.

use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;

/// What is wrong with a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PolicyTableErrorKind {
    /// The text is not valid TOML.
    Syntax,
    /// Valid TOML, but not the table schema: a missing or unknown key, a value of the wrong
    /// type.
    Schema,
    /// A table name or version with characters outside `a-z 0-9 - . _`, or empty.
    InvalidName,
    /// The table has no rules.
    EmptyTable,
    /// An unknown algorithm family.
    UnknownFamily,
    /// An unknown hash.
    UnknownHash,
    /// An unknown curve or parameter set.
    UnknownParameterSet,
    /// An unknown use (expected `create`, `verify` or `both`).
    UnknownUse,
    /// An unknown phase status.
    UnknownStatus,
    /// A date that does not exist or is not a plain `YYYY-MM-DD` date.
    InvalidDate,
    /// A rule without a source citation.
    MissingCitation,
    /// Two rules with the same id.
    DuplicateRuleId,
    /// Two rules with exactly the same scope (family, strength, hash) for the same use.
    ConflictingRules,
    /// A strength selector that cannot apply to the rule's family (RSA bits on an ECDSA
    /// rule, an EdDSA curve on an ECDSA rule, security bits without an equivalence), or
    /// more than one strength selector.
    StrengthMismatch,
    /// A range whose minimum exceeds its maximum.
    InvalidRange,
    /// An empty list, or a list with a repeated entry.
    InvalidList,
    /// A rule without phases.
    NoPhases,
    /// The phases do not start at the beginning of time or do not run without end.
    PhasesNotCovering,
    /// A phase ending before it starts, or phases not in chronological order.
    DatesOutOfOrder,
    /// Two phases of a rule overlap.
    PhasesOverlap,
    /// A gap between two phases of a rule.
    PhasesGap,
    /// The security-strength equivalence is not increasing or rates a parameter set twice.
    InvalidEquivalence,
    /// The TOML text is longer than [`super::MAX_TABLE_LEN`] bytes; refused before parsing.
    TooLarge,
    /// More rules than [`super::MAX_RULES`].
    TooManyRules,
    /// More equivalence classes than [`super::MAX_EQUIVALENCE_CLASSES`].
    TooManyEquivalenceClasses,
}

impl PolicyTableErrorKind {
    /// A stable, machine-readable name, e.g. `phases-overlap`.
    pub const fn id(self) -> &'static str {
        match self {
            PolicyTableErrorKind::Syntax => "syntax",
            PolicyTableErrorKind::Schema => "schema",
            PolicyTableErrorKind::InvalidName => "invalid-name",
            PolicyTableErrorKind::EmptyTable => "empty-table",
            PolicyTableErrorKind::UnknownFamily => "unknown-family",
            PolicyTableErrorKind::UnknownHash => "unknown-hash",
            PolicyTableErrorKind::UnknownParameterSet => "unknown-parameter-set",
            PolicyTableErrorKind::UnknownUse => "unknown-use",
            PolicyTableErrorKind::UnknownStatus => "unknown-status",
            PolicyTableErrorKind::InvalidDate => "invalid-date",
            PolicyTableErrorKind::MissingCitation => "missing-citation",
            PolicyTableErrorKind::DuplicateRuleId => "duplicate-rule-id",
            PolicyTableErrorKind::ConflictingRules => "conflicting-rules",
            PolicyTableErrorKind::StrengthMismatch => "strength-mismatch",
            PolicyTableErrorKind::InvalidRange => "invalid-range",
            PolicyTableErrorKind::InvalidList => "invalid-list",
            PolicyTableErrorKind::NoPhases => "no-phases",
            PolicyTableErrorKind::PhasesNotCovering => "phases-not-covering",
            PolicyTableErrorKind::DatesOutOfOrder => "dates-out-of-order",
            PolicyTableErrorKind::PhasesOverlap => "phases-overlap",
            PolicyTableErrorKind::PhasesGap => "phases-gap",
            PolicyTableErrorKind::InvalidEquivalence => "invalid-equivalence",
            PolicyTableErrorKind::TooLarge => "too-large",
            PolicyTableErrorKind::TooManyRules => "too-many-rules",
            PolicyTableErrorKind::TooManyEquivalenceClasses => "too-many-equivalence-classes",
        }
    }
}

/// Where in a table a problem is (indices into the table's lists).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Location {
    pub(crate) rule: Option<usize>,
    pub(crate) phase: Option<usize>,
    pub(crate) class: Option<usize>,
    pub(crate) field: Option<&'static str>,
}

/// A malformed or contradictory table, with the line (when loaded from text) and the rule
/// concerned.
///
/// Displayed as `line 14: rule `rsa-112-create`: phases overlap: ...`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PolicyTableError(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Inner {
    kind: PolicyTableErrorKind,
    line: Option<usize>,
    rule: Option<String>,
    message: String,
    location: Location,
}

impl PolicyTableError {
    pub(crate) fn new(kind: PolicyTableErrorKind, message: String) -> PolicyTableError {
        PolicyTableError(Box::new(Inner {
            kind,
            line: None,
            rule: None,
            message,
            location: Location::default(),
        }))
    }

    pub(crate) fn location(&self) -> Location {
        self.0.location
    }

    pub(crate) fn at(mut self, location: Location) -> PolicyTableError {
        self.0.location = location;
        self
    }

    pub(crate) fn with_rule(mut self, rule: Option<String>) -> PolicyTableError {
        self.0.rule = rule;
        self
    }

    #[cfg_attr(not(feature = "std"), allow(dead_code))]
    pub(crate) fn with_line(mut self, line: Option<usize>) -> PolicyTableError {
        self.0.line = line;
        self
    }

    /// What is wrong.
    pub fn kind(&self) -> PolicyTableErrorKind {
        self.0.kind
    }

    /// The 1-based line of the offending text, when the table was loaded from text.
    pub fn line(&self) -> Option<usize> {
        self.0.line
    }

    /// The rule concerned: its id, or `#N` (1-based position) when it has none.
    pub fn rule(&self) -> Option<&str> {
        self.0.rule.as_deref()
    }

    /// The description, without line or rule.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for PolicyTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.0.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(rule) = &self.0.rule {
            write!(f, "rule `{rule}`: ")?;
        }
        f.write_str(&self.0.message)
    }
}

impl core::error::Error for PolicyTableError {}

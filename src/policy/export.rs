//! Writing a table as TOML text, in the schema [`Table::from_toml`] reads (available
//! without `std`).

use alloc::string::String;
use core::fmt::{self, Write};

use super::model::{HashSelector, Phase, StrengthSelector, Table, hash_id};

/// Appends `s` as a TOML basic string.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_key_string(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    write_string(out, value);
    out.push('\n');
}

fn write_range<T: fmt::Display>(out: &mut String, key: &str, min: Option<T>, max: Option<T>) {
    let _ = write!(out, "{key} = {{");
    let mut first = true;
    for (name, value) in [("min", min), ("max", max)] {
        if let Some(value) = value {
            out.push_str(if first { " " } else { ", " });
            let _ = write!(out, "{name} = {value}");
            first = false;
        }
    }
    out.push_str(if first { "}\n" } else { " }\n" });
}

fn write_list<I: Iterator<Item = &'static str>>(out: &mut String, key: &str, items: I) {
    out.push_str(key);
    out.push_str(" = [");
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_string(out, item);
    }
    out.push_str("]\n");
}

fn write_phase(out: &mut String, phase: &Phase) {
    let _ = write!(out, "  {{ status = \"{}\"", phase.status.id());
    if let Some(from) = phase.from {
        let _ = write!(out, ", from = {from}");
    }
    if let Some(until) = phase.until {
        let _ = write!(out, ", until = {until}");
    }
    out.push_str(" },\n");
}

impl Table {
    /// The table as TOML text, in the schema [`Table::from_toml`] reads: a `[table]`
    /// header, one `[[equivalence]]` per strength class and one `[[rule]]` per rule, with
    /// dates as TOML local dates. Loading the text gives back an equal table, so a built-in
    /// table exported this way is the starting point for a custom one.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Sunset table {} for jpki-verify (schema: docs/policy.md).",
            self.qualified_name()
        );
        out.push_str(
            "# Phases run from `from` through `until`, both inclusive; statuses: acceptable,\n",
        );
        out.push_str(
            "# deprecated and legacy (accepted with a warning), disallowed (rejected).\n\n",
        );
        out.push_str("[table]\n");
        write_key_string(&mut out, "name", &self.name);
        write_key_string(&mut out, "version", &self.version);
        write_key_string(&mut out, "title", &self.title);
        write_key_string(&mut out, "source", &self.source);
        write_key_string(&mut out, "description", &self.description);

        for class in self.equivalence.iter() {
            out.push_str("\n[[equivalence]]\n");
            let _ = writeln!(out, "security_bits = {}", class.security_bits);
            if let Some(bits) = class.rsa_min_bits {
                let _ = writeln!(out, "rsa_min_bits = {bits}");
            }
            write_list(&mut out, "named", class.named.iter().map(|s| s.name()));
        }

        for rule in self.rules.iter() {
            out.push_str("\n[[rule]]\n");
            write_key_string(&mut out, "id", &rule.id);
            let family = rule.family.map_or("any", |f| f.id());
            let _ = writeln!(out, "family = \"{family}\"");
            match &rule.strength {
                StrengthSelector::Any => {}
                StrengthSelector::RsaBits { min, max } => {
                    write_range(&mut out, "rsa_bits", *min, *max);
                }
                StrengthSelector::SecurityBits { min, max } => {
                    write_range(&mut out, "security_bits", *min, *max);
                }
                StrengthSelector::Named(sets) => {
                    write_list(&mut out, "named", sets.iter().map(|s| s.name()));
                }
            }
            if let HashSelector::Only(list) = &rule.hash {
                write_list(&mut out, "hash", list.iter().map(|h| hash_id(*h)));
            }
            let _ = writeln!(out, "use = \"{}\"", rule.applies_to.id());
            out.push_str("phases = [\n");
            for phase in rule.phases.iter() {
                write_phase(&mut out, phase);
            }
            out.push_str("]\n");
            write_key_string(&mut out, "citation", &rule.citation);
            if !rule.note.is_empty() {
                write_key_string(&mut out, "note", &rule.note);
            }
        }
        out
    }
}

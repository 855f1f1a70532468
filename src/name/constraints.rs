//! Name constraints (RFC 5280 4.2.1.10 and 6.1.3 (b), (c), 6.1.4 (g)).
//!
//! Rather than computing intersections of permitted subtrees, every CA's constraints are kept
//! and a name must satisfy each set: a name is within the intersection of several permitted
//! sets exactly when it is within each of them, and outside a union of excluded sets exactly
//! when it is outside each.

use alloc::vec::Vec;

use super::forms::{is_mailbox, name_is_well_formed};
use super::{GeneralName, GeneralSubtree, NameKey};
use crate::Error;

/// Most (name x subtree) comparisons name constraint checking may make in one
/// [`crate::PathValidator::validate`] call, over every candidate path and CRL signer path
/// together ([`Error::TooManyNameConstraintComparisons`] beyond it, which ends the search).
pub const MAX_NAME_CONSTRAINT_COMPARISONS: u32 = 250_000;

/// The content of one nameConstraints extension.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct NameConstraints {
    /// `None` when the extension has no permittedSubtrees (nothing restricted).
    pub(crate) permitted: Option<Vec<GeneralSubtree>>,
    pub(crate) excluded: Vec<GeneralSubtree>,
    /// Some subtree has a base malformed for its form, or a minimum other than zero or a
    /// maximum (RFC 5280 4.2.1.10). Recorded when the certificate is parsed rather than
    /// refused there, so that validation can say which certificate on the path it was
    /// ([`Error::MalformedNameConstraint`]).
    pub(crate) malformed: bool,
}

/// The constraints collected from the CA certificates processed so far.
pub(crate) struct NameConstraintChecker<'a, 'b> {
    sets: Vec<&'a NameConstraints>,
    /// Bit `n` set: some subtree in `sets` has a base of form (tag number) `n`.
    forms: u16,
    /// Comparisons made so far in the whole search (shared by every candidate path).
    comparisons: &'b mut u32,
}

/// A name to check, borrowed from the certificate.
enum Subject<'a> {
    General(&'a GeneralName),
    Directory(&'a NameKey),
    Email(&'a str),
}

impl Subject<'_> {
    fn form(&self) -> u8 {
        match self {
            Subject::General(n) => n.form(),
            Subject::Directory(_) => 4,
            Subject::Email(_) => 1,
        }
    }

    /// Whether the name's syntax is sound enough to compare (directory names were checked
    /// when the certificate was parsed).
    fn is_well_formed(&self) -> bool {
        match self {
            Subject::General(n) => name_is_well_formed(n),
            Subject::Directory(_) => true,
            Subject::Email(n) => is_mailbox(n),
        }
    }
}

/// The bit for a name form in `NameConstraintChecker::forms` (tag numbers are 0 to 8).
fn form_bit(form: u8) -> u16 {
    1u16.checked_shl(u32::from(form)).unwrap_or(0)
}

impl<'a, 'b> NameConstraintChecker<'a, 'b> {
    /// A checker with no constraints yet, counting comparisons in `comparisons`.
    pub(crate) fn new(comparisons: &'b mut u32) -> Self {
        Self {
            sets: Vec::new(),
            forms: 0,
            comparisons,
        }
    }

    /// Adds the constraints of the CA certificate at path position `index` for the
    /// certificates below it. A malformed extension refuses the path whatever names follow:
    /// a CA whose constraints cannot be read as written should not be trusted to have meant
    /// any particular reading of them (Go likewise refuses such certificates when parsing).
    pub(crate) fn add(&mut self, constraints: &'a NameConstraints, index: u8) -> Result<(), Error> {
        if constraints.malformed {
            return Err(Error::MalformedNameConstraint { index });
        }
        let subtrees = constraints.permitted.iter().flatten();
        for subtree in subtrees.chain(&constraints.excluded) {
            self.forms |= form_bit(subtree.base.form());
        }
        self.sets.push(constraints);
        Ok(())
    }

    /// Checks a certificate's subject DN, its emailAddress attributes (treated as rfc822Name,
    /// RFC 5280 4.2.1.10) and its subjectAltName entries against every constraint set.
    pub(crate) fn check(
        &mut self,
        subject: &NameKey,
        alt_names: Option<&[GeneralName]>,
        index: u8,
    ) -> Result<(), Error> {
        if self.sets.is_empty() {
            return Ok(());
        }
        let mut names = Vec::new();
        // An empty subject DN is not a name to constrain (the subjectAltName carries it).
        if !subject.is_empty() {
            names.push(Subject::Directory(subject));
        }
        names.extend(subject.email_addresses().map(Subject::Email));
        names.extend(alt_names.unwrap_or_default().iter().map(Subject::General));

        // A malformed name is refused only where a subtree of its form would be compared
        // with it (as webpki does; Go refuses one under any name constraint): that is where
        // it could slip past (`.example.com` looks like a subdomain of `example.com`,
        // `a@b@example.com` like a mailbox on it). Elsewhere its syntax is the application's
        // business (host name matching), and refusing it would reject paths no constraint
        // concerns.
        // Checked for every name before any comparison, so the error does not depend on
        // the order of names and subtrees.
        if names
            .iter()
            .any(|n| self.forms & form_bit(n.form()) != 0 && !n.is_well_formed())
        {
            return Err(Error::MalformedSubjectAltName { index });
        }

        let sets = self.sets.clone();
        for set in sets {
            for name in &names {
                let form = name.form();
                let mut any_permitted_of_form = false;
                let mut permitted = false;
                if let Some(subtrees) = &set.permitted {
                    for subtree in subtrees.iter().filter(|s| s.base.form() == form) {
                        any_permitted_of_form = true;
                        self.count()?;
                        if matches(name, &subtree.base)
                            .ok_or(Error::UnsupportedNameConstraint { index })?
                        {
                            permitted = true;
                            break;
                        }
                    }
                }
                if any_permitted_of_form && !permitted {
                    return Err(Error::NameConstraintViolation { index });
                }
                for subtree in set.excluded.iter().filter(|s| s.base.form() == form) {
                    self.count()?;
                    if matches(name, &subtree.base)
                        .ok_or(Error::UnsupportedNameConstraint { index })?
                    {
                        return Err(Error::NameConstraintViolation { index });
                    }
                }
            }
        }
        Ok(())
    }

    fn count(&mut self) -> Result<(), Error> {
        *self.comparisons = self.comparisons.saturating_add(1);
        if *self.comparisons > MAX_NAME_CONSTRAINT_COMPARISONS {
            return Err(Error::TooManyNameConstraintComparisons);
        }
        Ok(())
    }
}

/// Whether `name` lies within the subtree `base` (both of the same form). A name form this
/// crate cannot evaluate is reported as a violation: RFC 5280 requires rejecting a
/// certificate whose name falls under a critical constraint that cannot be processed.
fn matches(name: &Subject<'_>, base: &GeneralName) -> Option<bool> {
    use GeneralName as G;
    Some(match (name, base) {
        (Subject::Directory(n), G::DirectoryName(b)) => n.starts_with(b.key()),
        (Subject::General(G::DirectoryName(n)), G::DirectoryName(b)) => {
            n.key().starts_with(b.key())
        }
        (Subject::Email(n), G::Rfc822Name(b)) => rfc822_matches(n, b),
        (Subject::General(G::Rfc822Name(n)), G::Rfc822Name(b)) => rfc822_matches(n, b),
        (Subject::General(G::DnsName(n)), G::DnsName(b)) => dns_matches(n, b),
        (Subject::General(G::Uri(n)), G::Uri(b)) => match uri_host(n) {
            Some(host) => host_matches(host, b),
            None => false,
        },
        (Subject::General(G::IpAddress(n)), G::IpAddress(b)) => ip_matches(n, b),
        _ => return None,
    })
}

/// `example.com` covers itself and any name with more labels on the left; the empty
/// constraint covers every name. Both are well formed (see `forms`): leading or trailing
/// dots never reach here.
pub(crate) fn dns_matches(name: &str, constraint: &str) -> bool {
    if constraint.is_empty() {
        return true;
    }
    name.eq_ignore_ascii_case(constraint)
        || (ends_with_ignore_case(name, constraint)
            && name.as_bytes()[name.len() - constraint.len() - 1] == b'.')
}

/// A mailbox (`a@host`) must equal a mailbox constraint; a host constraint matches mailboxes
/// on that host; a `.domain` constraint matches mailboxes on any host within the domain.
pub(crate) fn rfc822_matches(name: &str, constraint: &str) -> bool {
    let Some((local, host)) = name.rsplit_once('@') else {
        return false;
    };
    match constraint.rsplit_once('@') {
        Some((c_local, c_host)) => local == c_local && host.eq_ignore_ascii_case(c_host),
        None => host_matches(host, constraint),
    }
}

/// URI and mailbox host rule: `.domain` matches hosts within it, otherwise the exact host.
fn host_matches(host: &str, constraint: &str) -> bool {
    if constraint.starts_with('.') {
        host.len() > constraint.len() && ends_with_ignore_case(host, constraint)
    } else {
        host.eq_ignore_ascii_case(constraint)
    }
}

/// The host of a URI with an authority (`scheme://[userinfo@]host[:port]/...`).
pub(crate) fn uri_host(uri: &str) -> Option<&str> {
    let (_, rest) = uri.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        &host_port[..=host_port.find(']')?]
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    (!host.is_empty()).then_some(host)
}

fn ip_matches(addr: &[u8], constraint: &[u8]) -> bool {
    if constraint.len() != addr.len() * 2 {
        return false;
    }
    let (net, mask) = constraint.split_at(addr.len());
    addr.iter()
        .zip(net)
        .zip(mask)
        .all(|((a, n), m)| a & m == n & m)
}

fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns() {
        assert!(dns_matches("example.com", "example.com"));
        assert!(dns_matches("www.Example.com", "example.COM"));
        assert!(!dns_matches("badexample.com", "example.com"));
        assert!(dns_matches("*.example.com", "example.com"));
        assert!(dns_matches("anything", ""));
    }

    #[test]
    fn rfc822() {
        assert!(rfc822_matches("user@example.com", "example.com"));
        assert!(!rfc822_matches("user@mail.example.com", "example.com"));
        assert!(rfc822_matches("user@mail.example.com", ".example.com"));
        assert!(!rfc822_matches("user@example.com", ".example.com"));
        assert!(rfc822_matches("user@EXAMPLE.com", "user@example.com"));
        assert!(!rfc822_matches("User@example.com", "user@example.com"));
        assert!(!rfc822_matches("no-at-sign", "example.com"));
    }

    #[test]
    fn uri() {
        assert_eq!(
            uri_host("http://u@host.example:8080/p?q"),
            Some("host.example")
        );
        assert_eq!(uri_host("ldap://[::1]:389/x"), Some("[::1]"));
        assert_eq!(uri_host("urn:isbn:123"), None);
        assert!(host_matches("a.b.example", ".b.example"));
        assert!(!host_matches("b.example", ".b.example"));
    }

    #[test]
    fn ip() {
        assert!(ip_matches(&[10, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]));
        assert!(!ip_matches(&[11, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]));
        assert!(!ip_matches(&[10, 1, 2, 3], &[10, 0, 0, 0]));
    }
}

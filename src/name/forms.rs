//! Syntax checks for the name forms name constraints compare (dNSName, rfc822Name,
//! iPAddress), for subtree bases and for the names checked against them.
//!
//! Matching assumes well-formed input: `.example.com` as a name ends in `example.com`
//! after a dot, and `a@b@example.com` has host `example.com` when split at its last `@`,
//! so without these checks both would pass a permitted subtree `example.com`. The checks are
//! "hostname-ish" rather than a full RFC 1034 / RFC 5321 grammar: strict enough that matching
//! is unambiguous, loose enough (underscores, digits-only labels) not to refuse names seen in
//! practice.

use super::GeneralName;

/// Longest host name, in octets (RFC 1034 3.1 less the trailing root label).
const MAX_HOST_LEN: usize = 253;

/// Longest label, in octets (RFC 1034 3.1).
const MAX_LABEL_LEN: usize = 63;

/// Whether a certificate's name is well formed for its form (forms not checked here pass).
pub(crate) fn name_is_well_formed(name: &GeneralName) -> bool {
    match name {
        GeneralName::DnsName(n) => is_presented_dns_name(n),
        GeneralName::Rfc822Name(n) => is_mailbox(n),
        // RFC 5280 4.2.1.6: four octets for IPv4, sixteen for IPv6.
        GeneralName::IpAddress(a) => matches!(a.len(), 4 | 16),
        _ => true,
    }
}

/// Whether a subtree base is well formed for its form (RFC 5280 4.2.1.10; forms not
/// checked here pass).
pub(crate) fn constraint_is_well_formed(base: &GeneralName) -> bool {
    match base {
        GeneralName::DnsName(c) => is_dns_constraint(c),
        GeneralName::Rfc822Name(c) => is_rfc822_constraint(c),
        GeneralName::IpAddress(c) => is_ip_constraint(c),
        _ => true,
    }
}

/// A dNSName in a certificate: a host name, or one whose leftmost label is exactly `*`
/// (wildcard server names are routine in subjectAltName; partial wildcards like `f*` are not).
pub(crate) fn is_presented_dns_name(name: &str) -> bool {
    match name.strip_prefix("*.") {
        Some(rest) => is_host(rest),
        None => is_host(name),
    }
}

/// A dNSName subtree base: a host name (which also covers its subdomains, RFC 5280
/// 4.2.1.10), or empty, which matches every name (the usual way to exclude all DNS names).
///
/// A leading period (`.example.com`) is refused. RFC 5280 defines a dNSName constraint as a
/// host name whose subtree is formed by adding labels on the left, and gives the leading
/// period meaning only for rfc822Name and URI constraints. For dNSName it is an extension
/// that verifiers read differently (some as "subdomains only", some as a literal name that
/// nothing matches), so a CA relying on it would get different answers from different
/// verifiers; refusing it turns that ambiguity into an error instead of a guess.
pub(crate) fn is_dns_constraint(constraint: &str) -> bool {
    constraint.is_empty() || is_host(constraint)
}

/// An rfc822Name subtree base (RFC 5280 4.2.1.10): a mailbox (`user@host`), a host (all
/// mailboxes on it), or a leading-period domain (all mailboxes on hosts within it).
///
/// Unlike dNSName, an empty base is refused: RFC 5280 gives it no meaning, and this crate's
/// matching never treated it as "every mailbox", so accepting it would make an excluded
/// subtree `""` silently exclude nothing.
pub(crate) fn is_rfc822_constraint(constraint: &str) -> bool {
    if constraint.contains('@') {
        is_mailbox(constraint)
    } else {
        is_host(constraint.strip_prefix('.').unwrap_or(constraint))
    }
}

/// An iPAddress subtree base: address and mask, 4 + 4 or 16 + 16 octets, the mask a run of
/// one bits followed by zero bits (RFC 4632 CIDR; a discontiguous mask denotes no range
/// anyone means to constrain to).
pub(crate) fn is_ip_constraint(constraint: &[u8]) -> bool {
    if !matches!(constraint.len(), 8 | 32) {
        return false;
    }
    let mask = &constraint[constraint.len() / 2..];
    // Left-align the mask in 128 bits: contiguous exactly when the ones and then the zeros
    // account for every bit.
    let bits = mask
        .iter()
        .fold(0u128, |acc, &b| (acc << 8) | u128::from(b))
        << (128 - 8 * mask.len());
    bits.leading_ones() + bits.trailing_zeros() == 128
}

/// A mailbox `local@host`: exactly one `@`, a dot-atom local part (RFC 5321 4.1.2; quoted
/// local parts, which could hide a second `@`, are refused) and a host name.
pub(crate) fn is_mailbox(mailbox: &str) -> bool {
    match mailbox.split_once('@') {
        Some((local, host)) => is_dot_atom(local) && is_host(host),
        None => false,
    }
}

/// Dot-separated non-empty runs of RFC 5322 `atext`.
fn is_dot_atom(local: &str) -> bool {
    let atext = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b);
    !local.is_empty()
        && local
            .split('.')
            .all(|atom| !atom.is_empty() && atom.bytes().all(atext))
}

/// A host name: labels of letters, digits, `-` and `_`, 1 to 63 octets each, not starting
/// or ending with `-`, joined by single dots, at most 253 octets. No empty labels, so no
/// leading, trailing or doubled dots, and no `*`, spaces or other characters. Underscores
/// are outside RFC 1034's preferred syntax but occur in real names (webpki accepts them too).
pub(crate) fn is_host(host: &str) -> bool {
    !host.is_empty() && host.len() <= MAX_HOST_LEN && host.split('.').all(is_label)
}

fn is_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= MAX_LABEL_LEN
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    #[test]
    fn hosts() {
        for ok in [
            "example.com",
            "a",
            "xn--r8jz45g.jp",
            "_srv.Example.COM",
            "1.2.3.4",
        ] {
            assert!(is_host(ok), "{ok}");
        }
        let long_label = "a".repeat(64);
        let long_host = ["a"; 126].join(".") + ".bc";
        for bad in [
            "",
            ".example.com",
            "example.com.",
            "a..b",
            "*.example.com",
            "f*.example.com",
            "exa mple.com",
            "-a.com",
            "a-.com",
            "a@b",
            "[::1]",
            long_label.as_str(),
            long_host.as_str(),
        ] {
            assert!(!is_host(bad), "{bad:?}");
        }
        assert!(is_host(&"a".repeat(63)));
        assert!(is_host(&(["a"; 126].join(".") + ".b")));
    }

    #[test]
    fn dns_names_and_constraints() {
        assert!(is_presented_dns_name("*.example.com"));
        assert!(is_presented_dns_name("www.example.com"));
        for bad in [
            "",
            ".example.com",
            "*",
            "*.",
            "a.*.com",
            "**.example.com",
            "w*.example.com",
        ] {
            assert!(!is_presented_dns_name(bad), "{bad:?}");
        }
        assert!(is_dns_constraint("example.com"));
        assert!(is_dns_constraint(""));
        for bad in [
            ".example.com",
            "*.example.com",
            "example..com",
            " example.com",
        ] {
            assert!(!is_dns_constraint(bad), "{bad:?}");
        }
    }

    #[test]
    fn mailboxes_and_rfc822_constraints() {
        for ok in [
            "user@example.com",
            "first.last+tag@mail.example.com",
            "a!#$%&'*+-/=?^_`{|}~@b",
        ] {
            assert!(is_mailbox(ok), "{ok}");
        }
        for bad in [
            "a@b@example.com",
            "@example.com",
            "user@",
            "user",
            "user@.example.com",
            "user@exa mple.com",
            ".user@example.com",
            "us..er@example.com",
            "\"a@b\"@example.com",
            "us er@example.com",
        ] {
            assert!(!is_mailbox(bad), "{bad:?}");
        }
        for ok in ["user@example.com", "example.com", ".example.com"] {
            assert!(is_rfc822_constraint(ok), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..example.com",
            "a@b@example.com",
            "@example.com",
            "*.example.com",
        ] {
            assert!(!is_rfc822_constraint(bad), "{bad:?}");
        }
    }

    #[test]
    fn ip_constraints() {
        assert!(is_ip_constraint(&[10, 0, 0, 0, 255, 0, 0, 0]));
        assert!(is_ip_constraint(&[0; 8]));
        assert!(is_ip_constraint(&[1, 2, 3, 4, 255, 255, 255, 255]));
        let mut v6 = [0u8; 32];
        v6[16..22].fill(0xff);
        v6[22] = 0xfe;
        assert!(is_ip_constraint(&v6));
        v6[31] = 1;
        assert!(!is_ip_constraint(&v6));
        assert!(!is_ip_constraint(&[10, 0, 0, 0, 255, 0, 255, 0]));
        assert!(!is_ip_constraint(&[10, 0, 0, 0, 0x7f, 0, 0, 0]));
        for len in [0, 4, 7, 9, 16, 31, 33] {
            assert!(!is_ip_constraint(&alloc::vec![0; len]), "{len}");
        }
        assert!(name_is_well_formed(&GeneralName::IpAddress(
            alloc::vec![0; 16]
        )));
        assert!(!name_is_well_formed(&GeneralName::IpAddress(
            alloc::vec![0; 8]
        )));
        assert!(!name_is_well_formed(&GeneralName::DnsName(String::from(
            ".example.com"
        ))));
    }
}

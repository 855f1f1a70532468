//! Certificate policy processing: the `valid_policy_tree` of RFC 5280 6.1, kept as a graph.
//!
//! RFC 5280 describes a tree whose size can grow exponentially with the path (the OpenSSL
//! CVE-2023-0464 denial of service). Nodes of one depth that share a `valid_policy` always
//! have the same expected policy set and the same kind of parent, so this module merges them:
//! each depth holds at most one node per policy, with the set of its parents. The tree's
//! answers (which policies survive, whether it is NULL) are unchanged, and the size is
//! bounded by (policies per certificate) x (path length).

use alloc::vec::Vec;

use der::asn1::ObjectIdentifier as Oid;

use crate::cert::PolicyMapping;
use crate::oid::ext::ANY_POLICY;

/// The valid_policy_tree, one level per certificate processed plus the root.
#[derive(Debug)]
pub(crate) struct PolicyTree {
    levels: Vec<Level>,
    /// The tree has become NULL (RFC 5280 notation); it never recovers.
    null: bool,
}

#[derive(Debug, Default)]
struct Level {
    nodes: Vec<Node>,
    /// Whether this depth has an anyPolicy node (whose parent is the previous anyPolicy node).
    any: bool,
}

#[derive(Debug)]
struct Node {
    policy: Oid,
    /// The expected_policy_set once a mapping applied; `None` means `{policy}`.
    mapped: Option<Vec<Oid>>,
    /// Parent indices in the previous level; empty means the parent is the anyPolicy node.
    parents: Vec<usize>,
    deleted: bool,
}

impl Node {
    fn expects(&self, policy: &Oid) -> bool {
        match &self.mapped {
            Some(set) => set.contains(policy),
            None => self.policy == *policy,
        }
    }

    fn expected(&self) -> &[Oid] {
        match &self.mapped {
            Some(set) => set,
            None => core::slice::from_ref(&self.policy),
        }
    }
}

impl PolicyTree {
    /// RFC 5280 6.1.2 (a): a single anyPolicy root.
    pub(crate) fn new() -> Self {
        Self {
            levels: alloc::vec![Level {
                nodes: Vec::new(),
                any: true
            }],
            null: false,
        }
    }

    pub(crate) fn is_null(&self) -> bool {
        self.null
    }

    /// RFC 5280 6.1.3 (d) and (e) for the next certificate. `any_allowed` is whether an
    /// anyPolicy assertion counts here (inhibit_anyPolicy > 0, or a self-issued intermediate).
    pub(crate) fn process_certificate(&mut self, policies: Option<&[Oid]>, any_allowed: bool) {
        if self.null {
            return;
        }
        let Some(policies) = policies else {
            // (e): no certificatePolicies extension.
            self.null = true;
            return;
        };
        let prev = self.levels.last().expect("the root level always exists");
        let live = |n: &&Node| !n.deleted;
        let mut level = Level::default();

        // (d)(1): each asserted policy hangs below the nodes expecting it, else below anyPolicy.
        for policy in policies.iter().filter(|p| **p != ANY_POLICY) {
            let parents: Vec<usize> = (0..prev.nodes.len())
                .filter(|&j| !prev.nodes[j].deleted && prev.nodes[j].expects(policy))
                .collect();
            if !parents.is_empty() || prev.any {
                level.nodes.push(Node {
                    policy: *policy,
                    mapped: None,
                    parents,
                    deleted: false,
                });
            }
        }

        // (d)(2): anyPolicy extends every expected policy not yet present at this depth.
        if any_allowed && policies.contains(&ANY_POLICY) {
            for node in prev.nodes.iter().filter(live) {
                for expected in node.expected() {
                    if level.nodes.iter().any(|n| n.policy == *expected) {
                        continue;
                    }
                    let parents = (0..prev.nodes.len())
                        .filter(|&j| !prev.nodes[j].deleted && prev.nodes[j].expects(expected))
                        .collect();
                    level.nodes.push(Node {
                        policy: *expected,
                        mapped: None,
                        parents,
                        deleted: false,
                    });
                }
            }
            level.any = prev.any;
        }

        self.levels.push(level);
        // (d)(3): remove nodes left without children.
        self.prune();
    }

    /// RFC 5280 6.1.4 (b) for the certificate just processed (not the last one). The caller
    /// has already rejected mappings to or from anyPolicy (6.1.4 (a)).
    pub(crate) fn apply_mappings(&mut self, mappings: &[PolicyMapping], mapping_allowed: bool) {
        if self.null {
            return;
        }
        let level = self
            .levels
            .last_mut()
            .expect("the root level always exists");
        // Each distinct issuerDomainPolicy, in order of first appearance.
        let mut issuer_policies: Vec<Oid> = Vec::new();
        for m in mappings {
            if !issuer_policies.contains(&m.issuer_domain_policy) {
                issuer_policies.push(m.issuer_domain_policy);
            }
        }
        for id_p in issuer_policies {
            let existing = level
                .nodes
                .iter_mut()
                .find(|n| !n.deleted && n.policy == id_p);
            if mapping_allowed {
                let targets: Vec<Oid> = mappings
                    .iter()
                    .filter(|m| m.issuer_domain_policy == id_p)
                    .map(|m| m.subject_domain_policy)
                    .collect();
                match existing {
                    // (b)(1): the node now expects the mapped policies.
                    Some(node) => node.mapped = Some(targets),
                    // (b)(1): or a new child of the previous anyPolicy node stands for ID-P.
                    None if level.any => level.nodes.push(Node {
                        policy: id_p,
                        mapped: Some(targets),
                        parents: Vec::new(),
                        deleted: false,
                    }),
                    None => {}
                }
            } else if let Some(node) = existing {
                // (b)(2): mapping inhibited: the mapped policy is dropped.
                node.deleted = true;
            }
        }
        self.prune();
    }

    /// RFC 5280 6.1.5 (g): the intersection with the user-initial-policy-set, returned as the
    /// user-constrained policy set. Policies are named in the trust anchor's domain, as
    /// PKITS expects: the `valid_policy` of the surviving nodes whose parent is anyPolicy
    /// (the valid_policy_node_set), not the mapped policies the end entity asserts; plus
    /// anyPolicy (or, for a specific initial set, its members not otherwise represented)
    /// when an anyPolicy node reaches the last level. An empty result is a NULL tree.
    pub(crate) fn finish(&self, initial: &[Oid]) -> Vec<Oid> {
        if self.null {
            return Vec::new();
        }
        let any_requested = initial.is_empty() || initial.contains(&ANY_POLICY);
        let mut out: Vec<Oid> = Vec::new();
        // Pruning left every live node with a descendant at the last level, so a member of
        // the valid_policy_node_set survives (g)(iii)(2) exactly when it is in the initial set.
        for level in &self.levels {
            for node in level
                .nodes
                .iter()
                .filter(|n| !n.deleted && n.parents.is_empty())
            {
                if (any_requested || initial.contains(&node.policy)) && !out.contains(&node.policy)
                {
                    out.push(node.policy);
                }
            }
        }
        if self.levels.last().is_some_and(|last| last.any) {
            if any_requested {
                out.push(ANY_POLICY);
            } else {
                // (g)(iii)(3): the leaf anyPolicy node stands for each initial policy not
                // already in the valid_policy_node_set.
                for policy in initial {
                    if !out.contains(policy) {
                        out.push(*policy);
                    }
                }
            }
        }
        out
    }

    /// Deletes nodes above the last level that have no children, level by level upwards;
    /// the tree is NULL once the last level is empty.
    fn prune(&mut self) {
        for k in (0..self.levels.len() - 1).rev() {
            let (upper, lower) = self.levels.split_at_mut(k + 1);
            let (level, child) = (&mut upper[k], &lower[0]);
            let live_children = || child.nodes.iter().filter(|n| !n.deleted);
            for (j, node) in level.nodes.iter_mut().enumerate() {
                if !node.deleted && !live_children().any(|c| c.parents.contains(&j)) {
                    node.deleted = true;
                }
            }
            if level.any && !child.any && !live_children().any(|c| c.parents.is_empty()) {
                level.any = false;
            }
        }
        let last = self.levels.last().expect("the root level always exists");
        if !last.any && last.nodes.iter().all(|n| n.deleted) {
            self.null = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(n: u32) -> Oid {
        let s = alloc::format!("2.16.840.1.101.3.2.1.48.{n}");
        Oid::new(&s).unwrap()
    }

    fn map(from: u32, to: u32) -> PolicyMapping {
        PolicyMapping {
            issuer_domain_policy: p(from),
            subject_domain_policy: p(to),
        }
    }

    #[test]
    fn same_policy_throughout() {
        let mut t = PolicyTree::new();
        t.process_certificate(Some(&[p(1)]), true);
        t.process_certificate(Some(&[p(1), p(2)]), true);
        assert_eq!(t.finish(&[]), [p(1)]);
        assert_eq!(t.finish(&[p(1)]), [p(1)]);
        assert!(t.finish(&[p(2)]).is_empty());
    }

    #[test]
    fn missing_extension_nulls_the_tree() {
        let mut t = PolicyTree::new();
        t.process_certificate(Some(&[p(1)]), true);
        t.process_certificate(None, true);
        assert!(t.is_null());
        t.process_certificate(Some(&[p(1)]), true);
        assert!(t.finish(&[]).is_empty());
    }

    #[test]
    fn any_policy_and_initial_set() {
        let mut t = PolicyTree::new();
        t.process_certificate(Some(&[ANY_POLICY]), true);
        t.process_certificate(Some(&[ANY_POLICY]), true);
        assert_eq!(t.finish(&[]), [ANY_POLICY]);
        // A leaf anyPolicy node stands for each requested policy.
        assert_eq!(t.finish(&[p(3), p(4)]), [p(3), p(4)]);
        // Inhibited anyPolicy asserts nothing.
        let mut t = PolicyTree::new();
        t.process_certificate(Some(&[ANY_POLICY]), false);
        assert!(t.is_null());
    }

    #[test]
    fn mapping_and_inhibited_mapping() {
        // CA maps P1 -> P2; the end entity asserts P2.
        let mut t = PolicyTree::new();
        t.process_certificate(Some(&[p(1)]), true);
        t.apply_mappings(&[map(1, 2)], true);
        t.process_certificate(Some(&[p(2)]), true);
        // Reported in the anchor's domain: P1, whose mapped leaf P2 survives.
        assert_eq!(t.finish(&[]), [p(1)]);
        assert_eq!(t.finish(&[p(1)]), [p(1)]);
        assert!(t.finish(&[p(2)]).is_empty());

        let mut t = PolicyTree::new();
        t.process_certificate(Some(&[p(1)]), true);
        t.apply_mappings(&[map(1, 2)], false);
        assert!(t.is_null());
    }

    #[test]
    fn mapping_below_any_policy() {
        // CA asserts anyPolicy and maps P1 -> P3, P1 -> P4.
        let mut t = PolicyTree::new();
        t.process_certificate(Some(&[ANY_POLICY]), true);
        t.apply_mappings(&[map(1, 3), map(1, 4)], true);
        t.process_certificate(Some(&[p(4)]), true);
        assert_eq!(t.finish(&[]), [p(1)]);
        assert_eq!(t.finish(&[p(1)]), [p(1)]);
        assert!(t.finish(&[p(4)]).is_empty());
    }

    #[test]
    fn merged_graph_stays_small() {
        // Every CA asserts the same policies and maps each to all others: the RFC tree would
        // grow as k^depth, the graph stays at k nodes per level.
        let k = 8;
        let pols: Vec<Oid> = (1..=k).map(p).collect();
        let maps: Vec<PolicyMapping> = (1..=k)
            .flat_map(|a| (1..=k).map(move |b| map(a, b)))
            .collect();
        let mut t = PolicyTree::new();
        for _ in 0..30 {
            t.process_certificate(Some(&pols), true);
            t.apply_mappings(&maps, true);
        }
        t.process_certificate(Some(&pols), true);
        assert!(t.levels.iter().all(|l| l.nodes.len() <= k as usize));
        assert_eq!(t.finish(&[]).len(), k as usize);
    }
}

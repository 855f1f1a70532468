//! The CMS signer requirement as text: `all`, `any` or `families:rsa,ecdsa`.

use jpki_verify::cms::{AlgorithmFamily, SignerRequirement};

/// A parsed requirement, keeping the text for the report's `requirement` member.
#[derive(Clone, Debug)]
pub struct Signers {
    text: String,
    kind: Kind,
}

#[derive(Clone, Debug)]
enum Kind {
    All,
    Any,
    Families(Vec<AlgorithmFamily>),
}

impl Signers {
    /// Parses `all`, `any` or `families:` followed by a comma-separated list of `rsa`,
    /// `ecdsa`, ... (each family covered by a verified signer).
    pub fn parse(text: &str) -> Result<Self, String> {
        let kind = match text {
            "all" => Kind::All,
            "any" => Kind::Any,
            _ => {
                let list = text
                    .strip_prefix("families:")
                    .ok_or("expected all, any or families:rsa,ecdsa")?;
                let families = list
                    .split(',')
                    .map(|f| {
                        AlgorithmFamily::from_id(f.trim())
                            .ok_or_else(|| format!("unknown family `{f}` (rsa, ecdsa)"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Kind::Families(families)
            }
        };
        Ok(Self {
            text: text.to_owned(),
            kind,
        })
    }

    /// The text it was parsed from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The library's requirement.
    pub fn requirement(&self) -> SignerRequirement<'_> {
        match &self.kind {
            Kind::All => SignerRequirement::All,
            Kind::Any => SignerRequirement::Any,
            Kind::Families(list) => SignerRequirement::Families(list),
        }
    }
}

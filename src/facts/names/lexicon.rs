//! The general knowledge about names, as read from `assets/facts/people.toml`
//! and `assets/facts/orgs.toml` (parsed once, in `names::Rules::new`), and
//! the word sets that resolution and speaker attribution share.

use std::collections::HashMap;

use serde::Deserialize;

use crate::facts::tokens::WordSet;

#[derive(Deserialize)]
pub(in crate::facts) struct PeopleLexicon {
    pub given: Vec<String>,
    pub family_first: Vec<String>,
    pub titles: Vec<String>,
    pub former: Vec<String>,
    pub pronouns: Vec<String>,
    /// Prepositions that may follow a verb of saying whose subject the
    /// language leaves out (`”, acrescentou no debate`).
    pub clause_preps: Vec<String>,
    /// Words that open a sentence giving someone's view (`Para X, …`).
    pub view_openers: Vec<String>,
    /// Lower-case particles inside names (`von der Leyen`, `da Silva`).
    pub particles: Vec<String>,
    /// Capitalised particles inside names (`Le Maire`, `De Vries`).
    pub capital_particles: Vec<String>,
    /// Articles and determiners, which do not stand before a name.
    pub articles: Vec<String>,
    pub roles: HashMap<String, Vec<String>>,
    /// Endings of German role compounds (`…chefin`) → the role they name.
    pub compound_roles: HashMap<String, String>,
    pub words: Words,
    /// Verbs and phrases of saying, by language.
    pub speech: HashMap<String, Vec<String>>,
    /// Phrases of saying that name a source, often a medium or an
    /// organisation (`according to`, `laut`): no evidence of a person.
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
pub(in crate::facts) struct Words {
    pub not_names: Vec<String>,
    /// Words of `not_names` that may end a name after a capitalised
    /// word (`Rebecca West`).
    #[serde(default)]
    pub ends_names: Vec<String>,
}

#[derive(Deserialize)]
pub(in crate::facts) struct OrgLexicon {
    pub known: Vec<String>,
    pub legal: Vec<String>,
    pub descriptors: Vec<String>,
    pub units: Vec<String>,
    pub cues: Vec<String>,
    pub compound_cues: Vec<String>,
    pub list_cues: Vec<String>,
    /// Company nouns (singular stems) before a list cue (`rivals such as`).
    pub list_nouns: Vec<String>,
    /// Words that join list items (`A, B and C`).
    pub joiners: Vec<String>,
    /// Prepositions between a role and the employer (`analyst at X`).
    pub employer_preps: Vec<String>,
    /// German articles (`die Zahlen` is a common noun).
    pub articles_de: Vec<String>,
    /// Endings of German common nouns (`Angaben`, `Experten`).
    pub noun_endings: Vec<String>,
    pub acronym_stop: Vec<String>,
    /// Broadcasters' call signs end so (`KSWB-TV`, `WNYC-FM`).
    pub call_sign_suffixes: Vec<String>,
    /// First words of names that are no organisation: laws, plans,
    /// programmes (`Lei de Incentivo à Reciclagem (LIR)`).
    pub not_org_heads: Vec<String>,
    /// Institution nouns as written inside names (`Ministry`, `Banco`, `Cơ quan`).
    pub heads: Vec<String>,
    /// Institution nouns that head a name in lower case when a linking
    /// word and a capitalised word follow (`ministerie van Buitenlandse Zaken`).
    pub lower_heads: Vec<String>,
    /// Courts named in lower case by their adjective and their town
    /// (`tribunal administratif de Lille`, `tribunale di Milano`).
    pub lower_courts: Vec<String>,
    /// Linking words inside institution names (`of`, `de`, `van`, `für`).
    pub links: Vec<String>,
    /// Czech and Polish words that end a name before a head noun could come.
    pub slavic_stops: Vec<String>,
    /// Czech and Polish prepositions of place, links only after a head
    /// noun of those languages (`Sąd Rejonowy w Krakowie`, not `Hospital w San Diego`).
    pub place_links: Vec<String>,
    /// Elided links written onto the next word (`dell'`, `d’`).
    pub elided_links: Vec<String>,
    /// Vietnamese function words, which never end a name.
    pub vi_function_words: Vec<String>,
    /// Czech and Polish institution nouns in their cases: form → `nominative gender`.
    pub declined: HashMap<String, String>,
    /// Adjective endings of French, Spanish, Italian and Portuguese
    /// (`constitutionnel`, `nationale`, `federal`).
    pub romance_adjective_endings: Vec<String>,
    /// Adjective endings by gender: `declined=nominative`.
    pub adjective_endings: HashMap<String, Vec<String>>,
}

/// The hand lexicon of people, its given names joined by the generated
/// list of `assets/facts/given_names.txt` (one a line, `#` comments).
pub(in crate::facts) fn people() -> PeopleLexicon {
    let mut people: PeopleLexicon =
        toml::from_str(include_str!("../../../assets/facts/people.toml"))
            .expect("people.toml parses");
    let generated = include_str!("../../../assets/facts/given_names.txt");
    people.given.extend(
        generated
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string),
    );
    people
}

pub(in crate::facts) fn orgs() -> OrgLexicon {
    toml::from_str(include_str!("../../../assets/facts/orgs.toml")).expect("orgs.toml parses")
}

/// What resolution and speaker attribution need of the lexicons.
pub(in crate::facts) struct Shared {
    /// Legal-form words, without a final point.
    pub legal: WordSet,
    pub given: WordSet,
    pub family_first: WordSet,
    pub not_names: WordSet,
    /// Lower case.
    pub pronouns: WordSet,
    /// Prepositions that may follow a verb of saying without a subject.
    pub clause_preps: WordSet,
    /// Titles before a name (`ông`, `Herr`), lower case.
    pub titles: WordSet,
    /// Words that open a sentence giving someone's view (`Para X, …`).
    pub openers: WordSet,
    /// Vietnamese function words and verb syllables (`cho`, `nói`).
    pub vi_function: WordSet,
}

impl Shared {
    pub fn new(people: &PeopleLexicon, orgs: &OrgLexicon) -> Self {
        let set = |words: &[String]| words.iter().cloned().collect::<WordSet>();
        Self {
            legal: orgs.legal.iter().map(|w| w.trim_end_matches('.').to_string()).collect(),
            given: set(&people.given),
            family_first: set(&people.family_first),
            not_names: set(&people.words.not_names),
            pronouns: people.pronouns.iter().map(|p| p.to_lowercase()).collect(),
            clause_preps: set(&people.clause_preps),
            titles: people.titles.iter().map(|t| t.to_lowercase()).collect(),
            openers: set(&people.view_openers),
            vi_function: set(&orgs.vi_function_words),
        }
    }
}

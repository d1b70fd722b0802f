//! Table tests for places, in the inline notation of `common::notation`
//! (`[place:Baviera=Bavaria]`): the kinds of place the gazetteer must find
//! in several languages (towns, regions, states, seas, names in other
//! languages, declined forms), and the traps it must not fall into (names
//! that are common words or people's names, places inside longer names).

mod common;

use common::notation::table;

const PLACE: &[&str] = &["place"];

#[test]
fn towns_regions_states_and_seas() {
    table(
        "en",
        PLACE,
        &[
            "Reporters in [place:Tromsø] said the storm hit [place:Ohio] and crossed the [place:Baltic Sea] towards the [place:Mediterranean=Mediterranean Sea].",
            "She moved to a [place:Tromsø]-based firm last year.",
        ],
    );
    table(
        "es",
        PLACE,
        &[
            "Las lluvias en [place:Mendoza] afectaron a [place:Córdoba] y a la región de [place:Cataluña=Catalonia].",
        ],
    );
    table(
        "de",
        PLACE,
        &[
            "Die [place:Ostsee=Baltic Sea] und [place:Bayerns=Bavaria] Wirtschaft wachsen, sagte man in [place:Nordrhein-Westfalen=North Rhine-Westphalia].",
        ],
    );
    table(
        "nl",
        PLACE,
        &[
            "De haven van [place:Rotterdam] en de [place:Noordzee=North Sea]; hij woont in [place:Tromsø].",
        ],
    );
    table(
        "vi",
        PLACE,
        &[
            "Lũ lụt ở [place:Đà Nẵng=Da Nang] và tỉnh [place:Quảng Ninh], gần [place:Biển Đông=South China Sea].",
        ],
    );
}

/// Towns that need context: a list after a context word shares it, and
/// a mayor's title is context too.
#[test]
fn towns_in_lists_and_after_a_mayor() {
    table(
        "cs",
        PLACE,
        &[
            "V [place:Chomutově=Chomutov], [place:Přerově=Přerov] nebo [place:Chebu=Cheb] byl v exekuci každý desátý.",
            "Dopis podepsal i starosta [place:Chomutova=Chomutov] z [place:Kladna=Kladno].",
        ],
    );
    table(
        "en",
        PLACE,
        &[
            "Floods in [place:Leiden], [place:Gouda] and [place:Essen] closed schools.",
            "The mayor of [place:Split] met Jackson, who spoke after Essen.",
        ],
    );
    table("de", PLACE, &["Der Bürgermeister von [place:Essen] sprach, Split schwieg."]);
}

#[test]
fn names_in_other_languages() {
    table(
        "pt",
        PLACE,
        &[
            "O governo da [place:Alemanha=Germany] anunciou em [place:Pequim=Beijing] que a [place:Baviera=Bavaria] vai cooperar.",
        ],
    );
    table(
        "fr",
        PLACE,
        &[
            "[place:Pékin=Beijing] et [place:Munich] ont parlé de la [place:mer Baltique=Baltic Sea].",
        ],
    );
    table(
        "it",
        PLACE,
        &[
            "Il sindaco vive ad [place:Arcore], vicino a [place:Milano=Milan], e va spesso in [place:Baviera=Bavaria].",
        ],
    );
}

#[test]
fn declined_forms_resolve_to_the_nominative() {
    table(
        "cs",
        PLACE,
        &[
            "Premiér byl v [place:Ostravě=Ostrava] a v [place:Brně=Brno], pak v [place:Praze=Prague] a v [place:Texasu=Texas].",
            "Nemocnice v [place:Karlovarském kraji=Karlovy Vary Region] hledá lékaře.",
        ],
    );
    table(
        "pl",
        PLACE,
        &[
            "Premier był w [place:Warszawie=Warsaw] i w [place:Krakowie=Kraków], a potem w [place:Polsce=Poland].",
        ],
    );
    table("de", PLACE, &["[place:Chinas=China] Exporte und [place:Bayerns=Bavaria] Firmen."]);
}

#[test]
fn common_words_and_people_need_context() {
    table(
        "en",
        PLACE,
        &[
            "Nice work: the mobile app will split the bill, said Jackson.",
            "Split decisions are rare. Bath time is over. The plan starts in March.",
            "The mayor spoke in [place:Nice] on Monday, and a nice day followed in [place:Mobile], [place:Alabama].",
            "Florence Pugh arrived; the festival in [place:Florence] opened.",
        ],
    );
    table(
        "de",
        PLACE,
        &[
            "Zahlen zeigen, dass Essen teuer ist.",
            "Er wohnt seit Jahren in [place:Essen] und arbeitet bei [place:Mainz].",
        ],
    );
    table("fr", PLACE, &["Le maire est arrivé à [place:Nice] hier."]);
    table(
        "vi",
        PLACE,
        &[
            "Ý kiến của ông Đức về [place:Mỹ=United States] rất rõ. Mỹ phẩm được bán ở [place:Nhật=Japan].",
        ],
    );
}

#[test]
fn a_place_inside_a_longer_name_is_no_place_there() {
    table(
        "en",
        PLACE,
        &[
            "Officials at the Bank of England and the University of Texas met Paris Saint-Germain fans.",
            "The 109th New York Air National Guard flew to [place:Antarctica].",
            "[place:Texas] Governor Greg Abbott spoke.",
        ],
    );
    table(
        "nl",
        PLACE,
        &[
            "Tiffany Ng van de Universiteit van Michigan speelde in [place:Manhattan].",
            "In [place:Rotterdam] Volgens hem is de haven te klein.",
        ],
    );
    table(
        "it",
        PLACE,
        &[
            "Il Trattato di Nizza e l'università di Nottingham nel [place:Regno Unito=United Kingdom].",
        ],
    );
}

#[test]
fn a_name_that_means_something_else_in_the_language() {
    table("cs", PLACE, &["Řekli to experti z ČZU, UK a VŠE. Komise se konečně odhodlala."]);
    table("pt", PLACE, &["O acordo foi assinado na 3ª Reunião Plenária do conselho."]);
}

/// A declined form that fits several nominatives takes the town of the
/// language's own countries (`Mostě` is Most in Bohemia, not Mosta in
/// Malta); a vowel that drops in the other cases comes back (`Písku` →
/// `Písek`, `Třinci` → `Třinec`); a small foreign town that merely looks
/// like a declined word is none (`Tarą`), a foreign name of its own in the
/// language still is (`Teksasie` → `Teksas`, Texas).
#[test]
fn declined_forms_prefer_the_own_countrys_towns() {
    table(
        "cs",
        PLACE,
        &[
            "Žalobu podal v [place:Mostě=Most], pak v [place:Písku=Písek] a v [place:Třinci=Třinec].",
            "Exekuce v [place:Mostě=Most] přibývají.",
        ],
    );
    table("pl", PLACE, &["Mieszkał w [place:Teksasie=Texas], a potem rozmawiał z Tarą o pracy."]);
}

/// Counties and the regions of a country that no city list holds.
#[test]
fn counties_and_regions() {
    table(
        "en",
        PLACE,
        &[
            "He lived in [place:Buckinghamshire] and moved to [place:West Yorkshire], near [place:Merseyside].",
        ],
    );
    table(
        "nl",
        PLACE,
        &["Hij woonde in [place:Buckinghamshire] en werkte in [place:Merseyside], zei ze."],
    );
    table(
        "pl",
        PLACE,
        &["Mieszka w hrabstwie [place:Buckinghamshire] i pracuje w [place:Yorkshire]."],
    );
    table(
        "pt",
        PLACE,
        &[
            "A região [place:Nordeste=Northeast Region] e o [place:Sudeste=Southeast Region] lideram, e o [place:Centro-Oeste=Central-West Region] cresce.",
        ],
    );
}

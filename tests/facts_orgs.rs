//! Table tests for organisations and the places that are none, by kind of
//! error, in several languages each, in the inline notation of
//! `common::notation` (`[org:mention=value]`, `[place:mention]`). Each case
//! names the kinds it checks; facts of other kinds are ignored.

mod common;

use common::notation::table;

#[test]
fn an_acronym_after_a_quoted_name_or_before_a_comment_is_its_alias() {
    table(
        "de",
        &["org"],
        &[
            "Die „[org:Partei der Nationalistischen Bewegung]“ ([org:MHP=Partei der Nationalistischen Bewegung]) gewann. Die [org:MHP=Partei der Nationalistischen Bewegung] jubelte.",
        ],
    );
    table(
        "es",
        &["org"],
        &[
            "La [org:Federación Europea de Industrias y Asociaciones Farmacéuticas] ([org:EFPIA=Federación Europea de Industrias y Asociaciones Farmacéuticas], por sus siglas en inglés) publicó el código. Según la [org:EFPIA=Federación Europea de Industrias y Asociaciones Farmacéuticas], todo va bien.",
        ],
    );
    table(
        "fr",
        &["org"],
        &["La « [org:Banque de France] » ([org:BDF=Banque de France]) a publié ses chiffres."],
    );
    // A short brand in brackets takes the full name as its value.
    table(
        "pt",
        &["org"],
        &[
            "Criou o [org:Fundo de Apoio para Ações Voltadas à Reciclagem] ([org:Favorecicle=Fundo de Apoio para Ações Voltadas à Reciclagem]) ontem.",
        ],
    );
}

#[test]
fn newspapers_by_their_name_words() {
    table(
        "en",
        &["org"],
        &[
            "Heald told The [org:Huffington Post] that a poll by the [org:Asahi Shimbun] newspaper agreed.",
            "The [org:Bangkok Post] and the [org:San Francisco Chronicle] reported it.",
        ],
    );
    table("fr", &["org"], &["Selon la [org:Tribune de Genève], le test était prévu."]);
}

#[test]
fn courts_named_by_their_adjective_and_town() {
    table(
        "fr",
        &["org", "place"],
        &[
            "La [org:Cour administrative d'appel de Nancy] doit annuler une décision du [org:tribunal administratif de Châlons-en-Champagne].",
            "Le [org:tribunal correctionnel de Lille] a jugé l'affaire à [place:Paris].",
            "Le tribunal a jugé l'affaire à [place:Lyon].",
        ],
    );
    table("it", &["org"], &["Il [org:tribunale di Milano] ha deciso."]);
    table("es", &["org"], &["El [org:juzgado de Vigo] archivó la causa."]);
}

#[test]
fn clubs_named_by_their_town() {
    table(
        "es",
        &["org", "place"],
        &[
            "Sturridge, del [org:Liverpool], marcó un gol ante el [org:Chelsea] en el Stamford Bridge de [place:Londres]. El miércoles, el [org:Liverpool] juega el partido contra el [org:Napoli].",
            "El gol llegó en el minuto 89 y el [org:Liverpool] sigue en la liga; [org:Liverpool] celebra.",
            "Vivió en [place:Liverpool] y luego en [place:Nápoles].",
        ],
    );
    table(
        "it",
        &["org", "place"],
        &["Il gol del [org:Napoli] contro il [org:Torino] è arrivato a [place:Milano]."],
    );
}

#[test]
fn abbreviations_that_are_no_organisation() {
    table(
        "es",
        &["org"],
        &["Los datos del IRPF se publican en XLS y en CSV, dijo la [org:Agencia Tributaria]."],
    );
    table("fr", &["org"], &["Il a été nommé (NDLR: en 2015) par le gouvernement."]);
    table("cs", &["org"], &["Paušální daň platí pro OSVČ od ledna."]);
}

#[test]
fn an_institution_by_its_head_alone_in_the_nominative() {
    table(
        "cs",
        &["org"],
        &[
            "Návrh schválila [org:Evropská komise]. Po tlaku se [org:Komise=Evropská komise] konečně odhodlala.",
            "Dopis zaslali zástupci [org:Parlamentu=Parlament], starostové i hejtman.",
            "Zákon projednají ve [org:Sněmovně=Sněmovna].",
            "Zástupci [org:Úřadu průmyslového vlastnictví] jednali.",
        ],
    );
    table("pl", &["org"], &["Projekt trafi do [org:Sejmu=Sejm] w maju."]);
}

#[test]
fn a_party_word_before_an_acronym_names_the_party_by_it() {
    table("de", &["org"], &["Die Partei [org:AKP] verlor, die [org:AKP] blieb stärkste Kraft."]);
    table("es", &["org"], &["El Partido [org:PSOE] ganó."]);
}

/// Names listed beside organisations are organisations (when at least
/// half of a list of three or more are known to be); a list of people or
/// places with one organisation in it stays as it is.
#[test]
fn names_listed_beside_organisations() {
    table(
        "nl",
        &["org"],
        &[
            "Daarom hebben [org:Bits of Freedom], [org:PublicSpaces], [org:DeGoedeZaak], [org:SETUP] en [org:Waag Futurelab] de overheid opgeroepen.",
        ],
    );
    table(
        "en",
        &["org"],
        &[
            "Shares of [org:Siemens], [org:Nvidia], [org:Argos] and [org:Superdrug] fell.",
            "Anna, Berta, Clara and [org:Siemens] went home.",
        ],
    );
    table(
        "pl",
        &["org"],
        &[
            "Sklepy [org:IKEA], [org:Zalando], [org:Boots] oraz [org:Debenhams] rosną, a Boots i Superdrug nie.",
        ],
    );
}

/// A name with a legal form whose stem is another mention takes that
/// mention's value (`WKN AG` after `Windkraft Nord AG (WKN)`).
#[test]
fn a_legal_form_after_a_short_name_keeps_its_value() {
    table(
        "de",
        &["org"],
        &[
            "Er war Chef von [org:Windkraft Nord AG] ([org:WKN=Windkraft Nord AG]). Die Bewertung der [org:WKN AG=Windkraft Nord AG] war falsch.",
        ],
    );
    table(
        "en",
        &["org"],
        &["[org:Acme Holdings=Acme] said shares of [org:Acme] grew; [org:Acme Ltd=Acme] agreed."],
    );
}

/// Czech and Polish institutions named by case forms of their head noun
/// and its adjectives: the value is the nominative.
#[test]
fn declined_institutions_in_the_nominative() {
    table(
        "cs",
        &["org"],
        &[
            "Podle [org:České geologické služby=Česká geologická služba] je voda čistá.",
            "Stížnost předložila [org:Soudnímu dvoru=Soudní dvůr] v Lucemburku.",
        ],
    );
    table(
        "pl",
        &["org"],
        &["Według [org:Straży Granicznej=Straż Graniczna] przejście jest otwarte."],
    );
}

/// An English institution name inside Czech or Polish text keeps the
/// words before its head, is not declined, holds its possessive, and ends
/// before a preposition of place of the text's language.
#[test]
fn english_institutions_inside_slavic_text() {
    table(
        "pl",
        &["org"],
        &[
            "Msza odbyła się w [org:Riverside Church] w Nowym Jorku.",
            "Chłopca zabrano do [org:Rady Children’s Hospital] w San Diego.",
        ],
    );
    table("cs", &["org"], &["Studoval na [org:Stanford University] v Kalifornii."]);
    table(
        "en",
        &["org"],
        &["Staff at [org:St Mary's Hospital] said the [org:Women's Institute] helped."],
    );
}

//! Table tests for people, organisations and quotes, in the inline
//! notation of `common::notation` (`[kind:mention=value]`,
//! `[quote:words@Speaker]`, `@-` for no speaker). Each case names the kinds
//! it checks; facts of other kinds are ignored.

mod common;

use common::notation::table;

#[test]
fn people_english() {
    table(
        "en",
        &["person"],
        &[
            "Chairman [person:Daniel Zhang] expressed his hopes for the divisions.",
            "[person:Tim Cook], chief executive of Apple, said sales rose. [person:Cook=Tim Cook] added more.",
            "The company said on Monday that prices would rise.",
            "Shares of Morgan Stanley fell after the Federal Reserve meeting.",
            "Mr [person:Hollande] met President [person:Joe Biden] in Washington.",
            "Analysts at Goldman Sachs expect New York to recover.",
            "[person:Xi Jinping] spoke in Beijing, and [person:Xi=Xi Jinping] warned again.",
        ],
    );
}

#[test]
fn people_other_languages() {
    table(
        "de",
        &["person"],
        &[
            "Der neue Vorstandsvorsitzende [person:Eddie Yongming Wu] hat am Donnerstag erklärt. [person:Wus=Eddie Yongming Wu] Schritt war klar.",
            "Die Anleger konzentrierten sich jedoch auf die Risiken. Der Wettbewerb ist hart.",
            "Laut Bundeskanzler [person:Olaf Scholz] sei die Lage ernst, sagte [person:Scholz=Olaf Scholz] in Berlin.",
        ],
    );
    table(
        "nl",
        &["person"],
        &[
            "[person:Mark Rutte], voorzitter van de partij, zegt dat het goed gaat, aldus [person:Rutte=Mark Rutte].",
        ],
    );
    table(
        "vi",
        &["person"],
        &[
            "Theo ông [person:Nguyễn Văn An], giám đốc công ty, doanh thu tăng. Ông [person:An=Nguyễn Văn An] cho biết thêm.",
            "Tổng thống [person:Donald Trump] đã ký lệnh.",
        ],
    );
    table(
        "fr",
        &["person"],
        &[
            "Le président [person:Emmanuel Macron] a déclaré lundi que la France investira. Selon M. [person:Macron=Emmanuel Macron], tout va bien.",
        ],
    );
    table(
        "es",
        &["person"],
        &[
            "El presidente [person:Pedro Sánchez] dijo que España crecerá. Según los analistas, la economía mejora.",
        ],
    );
    table(
        "pt",
        &["person"],
        &["O presidente [person:Luiz Inácio Lula da Silva] disse que o Brasil vai crescer."],
    );
    table(
        "cs",
        &["person"],
        &[
            "Premiér [person:Petr Fiala] řekl, že vláda pomůže. Podle ministra financí je situace vážná.",
        ],
    );
}

#[test]
fn organisations() {
    table(
        "en",
        &["org"],
        &[
            "[org:Alibaba], the ecommerce giant, will list the [org:Cloud Intelligence Group] within a year.",
            "The company is planning IPOs for its logistics firm [org:Cainiao] and the AI unit.",
            "Platforms like [org:Pinduoduo] and [org:Douyin] gain share from [org:Tencent] and [org:Baidu].",
            "Revenue before EBITA and the GPU shortage hit the IPO, the CEO said.",
            "[org:Acme Holdings Inc.] said profits rose.",
            "Mental Health Awareness Week and the Olympic Games boost Clean Energy stocks on [org:Google Cloud].",
            "The [org:Security Council] met after [org:Counterpoint Research] published its data.",
        ],
    );
    table(
        "de",
        &["org"],
        &[
            "[org:Nvidias=Nvidia] Chips und [org:Nvidia]-Chips sind knapp, sagte ein Analyst bei [org:Bernstein].",
            "Gründer des Beratungsunternehmens [org:BDA] und der Supermarktkette [org:Frischmarkt] sagten, KI und IT seien wichtig.",
            "[org:Siemens] und die [org:Deutsche Bank] berichten, [org:Alibabas=Alibaba] Aktien fielen.",
        ],
    );
    table(
        "vi",
        &["org"],
        &[
            "Theo báo [org:Tài Tân=Caixin] ([org:Caixin]), [org:Bytedance=ByteDance] đã quyết định ngừng sử dụng dịch vụ.",
        ],
    );
    table("nl", &["org"], &["Dat is risicovol, meldt [org:ZDNet]. Het MKB is belangrijk."]);
    table(
        "fr",
        &["org"],
        &["Selon l'agence [org:Reuters], la société [org:Carrefour] va fermer des magasins."],
    );
    table(
        "es",
        &["org"],
        &["La empresa [org:Telefónica] y el banco [org:Santander] suben en bolsa."],
    );
    table("cs", &["org"], &["Společnost [org:Škoda Auto] uvedla, že [org:ČTK] to potvrdila."]);
    table(
        "de",
        &["org"],
        &[
            "Die [org:Europäische Zentralbank] ([org:EZB=Europäische Zentralbank]) und [org:EZB=Europäische Zentralbank]-Präsidentin Lagarde.",
        ],
    );
    table(
        "vi",
        &["org"],
        &["Theo báo [org:Tuổi Trẻ], [org:Ngân hàng Nhà nước] và tập đoàn [org:FPT] đã ký."],
    );
}

#[test]
fn places() {
    table(
        "de",
        &["place"],
        &[
            "Aktien in [place:New York] fielen wegen [place:Washingtons=Washington] Kontrollen und [place:US=United States]-Exportkontrollen.",
            "Das ist ein Symbol für [place:Chinas=China] Wende, sagte er in [place:Peking=Beijing]. Chinesische Firmen leiden.",
        ],
    );
    table(
        "vi",
        &["place"],
        &[
            "Người trẻ tuổi ở [place:Mỹ=United States] và [place:Trung Quốc=China]. Ý kiến của ông Đức rất rõ.",
            "Mỹ phẩm của [place:Hàn Quốc=South Korea] được ưa chuộng.",
        ],
    );
    table(
        "nl",
        &["place"],
        &[
            "Spanningen tussen [place:China] en de [place:Verenigde Staten=United States] nemen toe.",
        ],
    );
    table(
        "fr",
        &["place"],
        &[
            "La [place:France] et l'[place:Allemagne=Germany] ont signé à [place:Bruxelles=Brussels].",
        ],
    );
    table(
        "es",
        &["place"],
        &[
            "[place:Estados Unidos=United States] y [place:México=Mexico] firmaron en [place:Nueva York=New York].",
        ],
    );
    table(
        "pt",
        &["place"],
        &["O [place:Brasil=Brazil] exporta para a [place:China] e o [place:Japão=Japan]."],
    );
    table(
        "cs",
        &["place"],
        &["Premiér odletěl do [place:Německa=Germany] a pak do [place:Prahy=Prague]."],
    );
    table(
        "en",
        &["place"],
        &["The virus hit us hard, but the [place:U.S.=United States] and [place:Japan] recovered."],
    );
}

#[test]
fn quotes_and_speakers() {
    table(
        "de",
        &["quote"],
        &[
            "„[quote:Die IT-Investitionen werden exponentiell wachsen@Eddie Yongming Wu]“, sagte Eddie Yongming Wu.",
            "„[quote:Wir wollen die Mietpreise senken@-]“, sagte einer der Befragten. Es ist „wesentlich und nachteilig“.",
            "Eddie Wu sagte, es gehe gut. Er fügte hinzu: „[quote:Das ist ein wichtiger Impuls.@Eddie Wu]“",
        ],
    );
    table(
        "nl",
        &["quote"],
        &[
            "Jack Ma, voorzitter van de raad, zegt veel. Dat is goed, aldus de voorzitter. “[quote:Onze ervaringen vertellen ons veel.@Jack Ma]”",
        ],
    );
    table(
        "en",
        &["quote"],
        &[
            "Chairman Daniel Zhang spoke, stating, “[quote:We would love nothing more than that.@Daniel Zhang]”",
            "\"[quote:This is a big day for us,@Jane Smith]\" said Jane Smith.\n\n“[quote:And the next one is even bigger.@Jane Smith]”",
        ],
    );
    table(
        "vi",
        &["quote"],
        &[
            "“[quote:Alibaba Cloud sẽ tiếp tục đa dạng hóa khách hàng@John Smith]”, theo ý kiến của nhà phân tích John Smith.",
        ],
    );
    table(
        "fr",
        &["quote"],
        &["« [quote:Nous allons investir en Europe@Emmanuel Macron] », a déclaré Emmanuel Macron."],
    );
    table(
        "es",
        &["quote"],
        &["\"[quote:La economía crecerá este año@Pedro Sánchez]\", dijo Pedro Sánchez."],
    );
    table(
        "pt",
        &["quote"],
        &["“[quote:Vamos crescer muito mais agora@Luiz Silva]”, disse Luiz Silva."],
    );
    table(
        "cs",
        &["quote"],
        &["„[quote:Vláda pomůže všem firmám v zemi,@Petr Fiala]“ řekl Petr Fiala."],
    );
}

#[test]
fn east_asian_names_roles_and_references() {
    table(
        "vi",
        &["person"],
        &[
            "Thủ tướng Chính phủ đồng ý. Tổng thống [person:Donald Trump] đã ký lệnh.",
            "Ông [person:Kim Jae-june], Phó chủ tịch của Samsung, và nhà phân tích [person:Park Sung-soon] đồng ý.",
        ],
    );
    table(
        "vi",
        &["quote"],
        &[
            "“[quote:Nhu cầu chip cho máy chủ AI vẫn rất mạnh@Kim Jae-june]”, ông Kim Jae-june, Phó chủ tịch bộ phận bộ nhớ của Samsung, cho biết.",
        ],
    );
    table(
        "nl",
        &["quote"],
        &[
            "President Brad Smith sprak in Berlijn. \"[quote:Dit is een enorme stap voor ons,@Brad Smith]\" aldus de topman. Topman Sam Altman zei niets.",
        ],
    );
}

#[test]
fn organisation_cues_in_compounds_and_elisions() {
    table(
        "de",
        &["org"],
        &[
            "Der Autobauer [org:Rivian] und der Versicherer Hausrat sind Konkurrenten von [org:Lucid].",
        ],
    );
    table("fr", &["org"], &["Selon l'opérateur [org:Bouygues Telecom], le chipmaker est prêt."]);
    table("en", &["org"], &["Cloud provider [org:CoreWeave] and chip designer [org:Arm] rose."]);
}

#[test]
fn long_names_called_by_a_middle_word() {
    table(
        "pt",
        &["person", "quote"],
        &[
            "O presidente [person:Luiz Inácio Lula da Silva] falou. \"[quote:Nós queremos uma relação equilibrada@Luiz Inácio Lula da Silva]\", afirmou [person:Lula=Luiz Inácio Lula da Silva].",
        ],
    );
}

#[test]
fn well_known_name_shapes() {
    table(
        "en",
        &["person"],
        &[
            "[person:Ursula von der Leyen] met [person:Giorgia Meloni] and [person:Recep Tayyip Erdoğan] in Rome.",
            "[person:Lei Jun] of Xiaomi and [person:Ma Huateng] of Tencent spoke after [person:Elon Musk].",
        ],
    );
}

#[test]
fn german_nouns_after_cues_are_no_organisations() {
    table(
        "de",
        &["org"],
        &[
            "Laut Angaben des Konzerns und laut Insidern sowie Experten sank der Umsatz, berichtet [org:Bloomberg].",
        ],
    );
}

#[test]
fn institutions_with_linking_words() {
    table(
        "en",
        &["org"],
        &[
            "The [org:Bank of England] and the [org:University of Sheffield] met at the [org:Supreme Court of Cassation].",
            "[org:Polícia Federal] agents and the [org:Catholic Church] agreed.",
            "Researchers at the [org:Massachusetts Institute of Technology] and [org:Colorado State University] agree.",
        ],
    );
    table(
        "pt",
        &["org"],
        &[
            "O [org:Ministério do Meio Ambiente e Mudança do Clima] e o [org:Tribunal de Justiça do Acre] assinaram.",
            "A [org:Polícia Militar] e a [org:Polícia Penal] prenderam o suspeito.",
            "O coordenador de Análise do [org:Ministério da Fazenda] falou.",
        ],
    );
    table(
        "it",
        &["org"],
        &[
            "La [org:Banca d'Italia] e il [org:Ministero dell'Interno] hanno firmato con il [org:Consiglio di Stato].",
        ],
    );
    table(
        "nl",
        &["org"],
        &[
            "De [org:Universiteit van Michigan] en de [org:Commissie van de Nationale Vergadering van Wales] spraken.",
        ],
    );
    table(
        "de",
        &["org"],
        &["Das [org:Bundesministerium der Finanzen] und die [org:Deutsche Bank] berichten."],
    );
    table("pl", &["org"], &["Prezes [org:Narodowy Bank Polski] podał dane."]);
    table(
        "es",
        &["org"],
        &["El [org:Banco de España] y el [org:Ministerio de Economía] lo confirmaron."],
    );
    table(
        "fr",
        &["org"],
        &[
            "La [org:Banque de France] et le [org:Conseil de Paris] ont répondu.",
            "Hier, le [org:Conseil constitutionnel] et la [org:Cour des comptes] ont répondu à l'[org:Assemblée nationale].",
        ],
    );
    table(
        "it",
        &["org"],
        &[
            "Il presidente della [org:Camera dei deputati] ha scritto alla [org:Corte costituzionale].",
        ],
    );
}

#[test]
fn institutions_declined_by_case() {
    table(
        "cs",
        &["org"],
        &[
            "Guvernér [org:České národní banky=Česká národní banka] promluvil v budově [org:Poslanecké sněmovny=Poslanecká sněmovna].",
            "Zástupci [org:Ministerstva zdravotnictví=Ministerstvo zdravotnictví] a [org:Nejvyšší kontrolní úřad] jednali.",
            "Rozhodnutí [org:Evropské komise=Evropská komise] přivítala [org:Masarykova univerzita].",
        ],
    );
    table(
        "pl",
        &["org"],
        &[
            "Posłowie [org:Walijskiego Zgromadzenia Narodowego=Walijskie Zgromadzenie Narodowe] i [org:Walijskiej Partii Konserwatywnej=Walijska Partia Konserwatywna] głosowali.",
            "Badacze z [org:Uniwersytetu Michigan=Uniwersytet Michigan] i [org:Kościoła Episkopalnego=Kościół Episkopalny] odpowiedzieli.",
        ],
    );
}

#[test]
fn vietnamese_institution_and_company_names() {
    table(
        "vi",
        &["org"],
        &[
            "[org:Ngân hàng Nhà nước] cho biết [org:Cơ quan Phát triển Quốc tế Hoa Kỳ] đã ký.",
            "Các nhà nghiên cứu của [org:Đại học Michigan] và [org:Bộ Tài chính] cho biết.",
            "[org:Tập đoàn Vingroup] và [org:Công ty Cổ phần Sữa Việt Nam] đã hợp tác.",
        ],
    );
}

#[test]
fn companies_with_legal_forms_of_many_countries() {
    table("de", &["org"], &["Die [org:Windkraft Nord GmbH] und die [org:PNE WIND AG] streiten."]);
    table("cs", &["org"], &["Firma [org:Agro Nova a.s.] a [org:Sady Morava s.r.o.] uspěly."]);
    table(
        "es",
        &["org"],
        &["La [org:Inversiones Andinas S.A.] y [org:Transportes Andes Ltda.] crecen."],
    );
    table("it", &["org"], &["La [org:Ferro Nord SpA] e la [org:Pasta Bianchi S.r.l.] crescono."]);
    table(
        "nl",
        &["org"],
        &["De [org:Groenland Logistiek B.V.] en [org:Acme Holdings N.V.] groeien."],
    );
    table("en", &["org"], &["Shares in [org:Northwind Foods plc] and [org:Contoso Ltd.] rose."]);
}

#[test]
fn parties_by_their_short_forms() {
    table(
        "de",
        &["org"],
        &[
            "Die [org:AfD=Alternative für Deutschland], die [org:Grünen=Die Grünen] und die [org:SPD] stimmten dagegen.",
        ],
    );
    table("cs", &["org"], &["Poslanci [org:Pirátů=Piráti] a [org:ODS] hlasovali proti."]);
    table("nl", &["org"], &["Leden van [org:Labour] en [org:Plaid Cymru] stemden tegen."]);
}

#[test]
fn speakers_after_the_quote_in_many_languages() {
    table(
        "pt",
        &["quote"],
        &[
            "O ministro Alexandre Silveira falou. “[quote:A geração de energia tem um grande potencial@Alexandre Silveira]”, destaca.",
            "“[quote:A análise aborda diversos aspectos importantes@Gustavo Ponte]”, analisa Gustavo Ponte.",
        ],
    );
    table(
        "cs",
        &["quote"],
        &[
            "„[quote:Malí zemědělci jsou evidentně silně znevýhodněni,@Jakub Michálek]“ okomentoval Jakub Michálek.",
            "„[quote:Musíme vymoct prostředky zpět do rozpočtu@Mikuláš Peksa]”, předestřel europoslanec Mikuláš Peksa.",
        ],
    );
    table(
        "pl",
        &["quote"],
        &[
            "Michael Henry Adams mieszka tu od lat. „[quote:Aktualnie ludzie udzielają się towarzysko inaczej@Michael Henry Adams]” — zauważył.",
            "„[quote:Starsze osoby mówią, że dawniej było inaczej@Michael Henry Adams]” — powiedział Michael Henry Adams.\n\nJan Kowalski wyszedł.\n\n„[quote:Bary przestały być miejscem spotkań członków@-]” — zauważył.",
        ],
    );
    table(
        "it",
        &["quote"],
        &[
            "Il presidente Nicolas Sarkozy, che ha detto: «[quote:L'Ucraina è un Paese europeo@Nicolas Sarkozy]».",
        ],
    );
    table(
        "es",
        &["quote"],
        &["“[quote:Vamos a bajar los impuestos este año@Pedro Sánchez]”, afirmó Pedro Sánchez."],
    );
    table(
        "fr",
        &["quote"],
        &[
            "Marine Le Pen est arrivée tard. « [quote:Nous ne céderons rien sur ce point@Marine Le Pen] », a-t-elle déclaré.",
        ],
    );
}

#[test]
fn speakers_named_before_with_a_colon_or_a_role() {
    table(
        "en",
        &["quote"],
        &[
            "Coauthor Paul Vallelonga detailed, \"[quote:Lead is a toxic heavy metal.@Paul Vallelonga]\"",
            "The secretary general, Nunzio Galantino, called it \"dangerous\": \"[quote:We face a dangerous sentence today.@Nunzio Galantino]\"",
            "Then the child shouted: \"[quote:I have been bitten, help me!@-]\" Later John Smith said it was over.",
        ],
    );
    table(
        "pt",
        &["quote"],
        &[
            "De acordo com o ministro de Minas e Energia, Alexandre Silveira, o setor cresce. “[quote:O estudo apresenta um grande potencial@Alexandre Silveira]”, pontua.",
        ],
    );
}

#[test]
fn speakers_left_unknown_when_unclear() {
    table(
        "it",
        &["quote"],
        &[
            "Il presidente Nicolas Sarkozy ha detto: «[quote:Siamo tutti europei e lo resteremo@Nicolas Sarkozy]». Poi Viktor Juščenko ha parlato a lungo. Da qui l'accusa di «[quote:tradimento nei confronti del Paese@-]».",
            "«[quote:Alfano può essere il nostro candidato premier@-]», è stata la risposta di Berlusconi. Silvio Berlusconi e Roberto Maroni.",
        ],
    );
    table(
        "en",
        &["quote"],
        &["\"[quote:We will not back down on this@-]\", the company said in a statement."],
    );
    table(
        "es",
        &["quote"],
        &[
            "Para Fernando Carballo, presidente de la federación, si los viajes los pagara el médico \"[quote:los gastos serían más modestos@Fernando Carballo]\".",
            "Juan Pérez llegó. Para muchos médicos hay dudas: es \"[quote:un elemento folclórico de la política@-]\".",
        ],
    );
}

#[test]
fn precision_traps() {
    table(
        "en",
        &["org", "person"],
        &[
            "[org:Boeing] said the 737 MAX will fly again on Monday, [person:Jane Smith] said.",
            "On Tuesday Smith and Friday Jones were absent.",
        ],
    );
    table(
        "vi",
        &["org", "person"],
        &[
            "Thủ tướng Chính phủ [person:Phạm Minh Chính] cho biết. Chính phủ đã đồng ý. Ông [person:Chính=Phạm Minh Chính] nói.",
            "Bà [person:Mai Kiều Liên], Tổng giám đốc [org:Vinamilk], và [org:Ngân hàng Nhà nước] đã họp.",
        ],
    );
    table(
        "de",
        &["org"],
        &[
            "Die Zahlen des Konzerns sind gut, und laut Zahlen ist alles gut, berichtet [org:Bloomberg].",
        ],
    );
}

#[test]
fn speakers_after_a_role_a_dropped_subject_or_a_first_name() {
    // `said the Y of Z, X`: a role phrase between the verb and the name.
    table(
        "pt",
        &["quote"],
        &[
            "“[quote:Ver a modalidade entrar nos Jogos é gratificante@Nayara Falcão]”, disse a diretora de Projetos Especiais do Ministério, Nayara Falcão.",
            "A diretora Nayara Falcão falou. “[quote:Nós estamos juntos com a associação@Nayara Falcão]”, completou Nayara.",
        ],
    );
    table(
        "es",
        &["quote"],
        &[
            "Los datos \"[quote:podrían dar información sobre qué investigas@José F. Zamarriego]\", declara el director de la Unidad de Supervisión Deontológica, José F. Zamarriego.",
            "Para Fernando Carballo, presidente de la federación, el debate es largo. Además, añade, la polémica \"[quote:ha contaminado el proceso entero@Fernando Carballo]\".",
            "La perspectiva de Donald Trump fue optimista.\n\n“[quote:Nos llevamos genial con ellos@Donald Trump]”, afirmó.",
            "Según el código, todo está bien. Sin embargo, el doctor Fernando Carballo cree que \"[quote:bajo el concepto caben muchas cosas@Fernando Carballo]\".",
            "Según el código, todo está bien. Sin embargo, el doctor Fernando Carballo duda y \"[quote:bajo el concepto caben muchas cosas@-]\".",
        ],
    );
    table(
        "fr",
        &["quote"],
        &[
            "Le ministre des Finances, Michel Sapin, affirmait récemment que ce « [quote:billet est plus utilisé pour dissimuler@Michel Sapin] ».",
            "Le 22 octobre, Gaston Sindimwo, premier vice-président, a réagi à l'annonce :\n\n« [quote:C'est un geste de déstabilisation du pays@Gaston Sindimwo] »",
        ],
    );
    table(
        "pl",
        &["quote"],
        &[
            "„[quote:Starsze osoby mówią, że dawniej było inaczej@Michael Henry Adams]” — powiedział Michael Henry Adams.\n\n„[quote:Obecnie nie ma po nich śladu wcale@Michael Henry Adams]”.\n\nJak mówi, wszystko jest zrozumiałe.\n\n„[quote:Aktualnie ludzie udzielają się inaczej@Michael Henry Adams]” — zauważył.",
        ],
    );
    table(
        "nl",
        &["quote"],
        &[
            "“[quote:Dit is een enorme stap voor ons@Anne de Vries]”, zei de woordvoerder van het ministerie van Financiën, Anne de Vries.",
        ],
    );
}

#[test]
fn names_with_an_initial_or_a_double_surname() {
    table(
        "en",
        &["person"],
        &["The pastor [person:Malcolm J. Merriweather] met [person:Paul Mills-Hicks] today."],
    );
    table(
        "es",
        &["person"],
        &[
            "Habló [person:José F. Zamarriego] y después [person:Silvio Costa Filho]. [person:Costa Filho=Silvio Costa Filho] calló.",
        ],
    );
    table("nl", &["person"], &["[person:Paul Mills-Hicks], directeur van de winkel, zei niets."]);
    // A middle initial marks a name whose given name no list holds;
    // not in German, where nouns are capitalised.
    table(
        "nl",
        &["person"],
        &["Hij werd bespeeld door een muzikant, namelijk [person:Dionisio A. Lind], die vertrok."],
    );
    table("pl", &["person"], &["Grał na nich muzyk [person:Dionisio A. Lind] przez lata."]);
    table("de", &["person"], &["Die Kurse für Typ A. Patienten beginnen morgen."]);
}

/// Given names of many countries (the generated list): a two-word name
/// starting with one is a person's.
#[test]
fn given_names_of_many_countries() {
    table("nl", &["person"], &["Presentatrice [person:Holly Willoughby] lanceerde het merk."]);
    table("it", &["person"], &["L'ex sindaco [person:Giancarlo Gentilini] ha parlato."]);
    table("pl", &["person"], &["Przewodnicząca [person:Elin Jones] powiedziała to wczoraj."]);
    table("fr", &["person"], &["La Belge [person:Tine Deckers] a gagné."]);
}

#[test]
fn czech_and_polish_names_in_the_nominative() {
    table(
        "cs",
        &["person"],
        &[
            "Dopis podepsali s [person:Martinem Půtou=Martin Půta] a [person:Václavem Židkem=Václav Židek].",
            "Ministr poděkoval [person:Tomáši Martínkovi=Tomáš Martínek] za práci.",
            "Přednášky [person:Libora Drlíka=Libor Drlík], [person:Jitky Faugnerové=Jitka Faugnerová] a [person:Vladimíra Černého=Vladimír Černý] zaujaly.",
        ],
    );
    table(
        "pl",
        &["person"],
        &[
            "Kościół zbudował ojciec [person:Johna Howarda Johnsona=John Howard Johnson] wiele lat temu.",
        ],
    );
}

#[test]
fn a_name_after_a_preposition_is_no_speaker() {
    table(
        "pl",
        &["quote"],
        &[
            "Źródło zbliżone do Petera Jonesa powiedziało wczoraj: „[quote:Nie będziemy komentować jego spraw biznesowych@-]”.",
        ],
    );
    table(
        "en",
        &["quote"],
        &["A friend of John Smith told reporters: “[quote:He will not comment on that matter@-]”."],
    );
}

#[test]
fn acronyms_spelled_out_and_listed_brands() {
    table(
        "es",
        &["org"],
        &[
            "Según la [org:Federación de Asociaciones Científico Médicas Españolas] ([org:FACME=Federación de Asociaciones Científico Médicas Españolas]), todo va bien.",
        ],
    );
    table(
        "cs",
        &["org"],
        &["Podle [org:Česká národní banka] ([org:ČNB=Česká národní banka]) se nic nemění."],
    );
    table("pt", &["org"], &["O incentivo da Lei de Incentivo à Reciclagem (LIR) começa agora."]);
    table(
        "nl",
        &["org"],
        &["De winkel biedt merken als [org:Revlon], [org:Essie] en [org:Tweezerman] aan."],
    );
    table(
        "pl",
        &["org"],
        &["Sklep oferuje marki takich jak [org:Revlon], [org:Essie] i [org:Tweezerman]."],
    );
}

#[test]
fn institution_heads_in_more_languages() {
    table("es", &["org"], &["Habló ante la [org:Asamblea General de la ONU] el sábado."]);
    table(
        "de",
        &["org"],
        &[
            "Die [org:Republikanische Volkspartei] zog in die [org:Große Nationalversammlung der Türkei] ein.",
        ],
    );
    table(
        "pt",
        &["org"],
        &["A reunião foi na [org:Casa Civil da Presidência da República] ontem."],
    );
}

#[test]
fn a_role_as_subject_and_a_pronoun_after_a_quote() {
    table(
        "fr",
        &["quote"],
        &[
            "Le président [person:Hassan Rohani] arrive. Le ministre [person:Abbas Akhoundi] est là.\n\nLe ministre des Transports rappelle que l'Iran a besoin de « [quote:400 avions long courrier et 100 court courrier@Abbas Akhoundi] ». Il précise que « [quote:150 sont opérationnels avec vingt ans d'âge@Abbas Akhoundi] ».",
            "Le ministre [person:Jean Dupont] et le ministre [person:Paul Martin] parlent.\n\nLe ministre rappelle que « [quote:nous avons besoin de plus de moyens@-] ».",
        ],
    );
    table(
        "en",
        &["quote"],
        &[
            "Spokesman [person:John Smith] spoke first. The spokesman said that “[quote:we will not comment on this@John Smith]”. He added that “[quote:talks will continue next week@John Smith]”.",
        ],
    );
}

#[test]
fn quotes_in_single_marks() {
    // Dutch and British single marks; an apostrophe inside a word closes nothing.
    table(
        "nl",
        &["quote"],
        &[
            "Minister Jan Peeters sprak maandag.\n\n‘[quote:We doen het erg goed met de ngo’s in het noorden,@Jan Peeters]’ zei hij.",
            "‘[quote:Het was erg moeilijk om die positie te bereiken,@Daniel Sturridge]’ zei Daniel Sturridge tegen de krant.",
            "Zo'n dag en 't huis van Menga's broer zijn geen citaat.",
        ],
    );
    table(
        "en",
        &["quote"],
        &["‘[quote:It is so easy to be presidential,@Donald Trump]’ said Donald Trump."],
    );
    table("de", &["quote"], &["Sie sagte: ‚[quote:Wir kommen morgen alle wieder@-]‘ und ging."]);
}

#[test]
fn speakers_by_inversion_past_tenses_and_repeated_names() {
    // French inversion (`regrette-t-il`) and the passé simple.
    table(
        "fr",
        &["quote"],
        &[
            "Le ministre Paul Girard était à Paris. « [quote:La tension ne fait que monter@Paul Girard] », regrette-t-il.",
            "« [quote:Nous redoutons tout le temps ce type d’événement@Will Wade] », regretta Will Wade.",
        ],
    );
    // A verb without a subject goes on with the speaker just named again.
    table(
        "pl",
        &["quote"],
        &[
            "„[quote:Nie będziemy czekać na decyzję innych państw@Radomir Kuc]” — powiedział Radomir Kuc.\n\n„[quote:To najlepszy sposób na potępienie kryzysu@Radomir Kuc]” — stwierdził.",
        ],
    );
    table(
        "cs",
        &["quote"],
        &[
            "„[quote:Bolívie má energii a ducha jednoty,@Radomír Kuca]“ říká diplomat Radomír Kuca.\n\n„[quote:Jsme velmi blízko tomu, že se vrátíme,@Radomír Kuca]“ prohlásil na konci srpna.",
        ],
    );
    table(
        "pt",
        &["quote"],
        &[
            "\"[quote:Acredito que a maioria será a favor do acordo@Zoran Zaev]\", referiu Zoran Zaev após votar.",
        ],
    );
    // A capitalised word nobody took for a name before `verb:` is no
    // dropped subject: the speaker stays unknown rather than the last one named.
    table(
        "vi",
        &["quote"],
        &[
            "Ông Trần Văn Minh phát biểu tại Hà Nội.\n\nZárate cho biết: “[quote:Vấn đề tiếp cận với biển đã bị tấn công.@-]”",
        ],
    );
}

#[test]
fn people_by_occupation_words() {
    table("de", &["person"], &["Der Trainer [person:Radomir Kuc] war zufrieden."]);
    table("es", &["person"], &["La cantante [person:Ariana Grande] canceló su actuación."]);
    table("nl", &["person"], &["Doelman [person:Liam Kelly] had weinig te doen."]);
    table("pl", &["person"], &["Bramkarz [person:Allan McGregor] obronił strzał."]);
    table("cs", &["person"], &["Bolívijský diplomat [person:Roberto Calzadilla] to odmítl."]);
}

#[test]
fn people_by_their_age() {
    // An age next to two capitalised words makes them a name, whatever the given name.
    table("en", &["person"], &["[person:Dyteon Simpson], 20, was arrested on Friday."]);
    table("nl", &["person"], &["Volgens [person:Narcis Termes] (68) is het voorbij."]);
    table("fr", &["person"], &["[person:Narcis Termes], 68 ans, a manifesté avec sa femme."]);
    table("pt", &["person"], &["Votou [person:Olivera Kostadinova], com 79 anos, em Sófia."]);
    table("es", &["person"], &["Votó [person:Gjose Tanevski], de 62 años, en la capital."]);
    table("cs", &["person"], &["Přišla 79letá [person:Olivera Kostadinova] ze Skopje."]);
    table("pl", &["person"], &["Na wiec przyszedł 68-letni [person:Narcis Termes] z żoną."]);
    table("en", &["person"], &["Sales fell 20 percent, 2018 was worse."]);
}

#[test]
fn people_joined_to_a_person_by_and() {
    table(
        "pt",
        &["person"],
        &["[person:Sergio Aguero] e [person:Raheem Sterling] marcaram no sábado."],
    );
    table("en", &["person"], &["[person:Sergio Aguero] and [person:Raheem Sterling] scored."]);
    // Only next to a person: two capitalised words after `and` alone are nothing.
    table("en", &["person"], &["Shares and Raheem Bonds fell."]);
}

#[test]
fn pronouns_after_according_to() {
    table(
        "cs",
        &["quote"],
        &[
            "Premiér Zoran Zaev odvolil.\n\nVýsledek by podle něj byl „[quote:potvrzením naší společné budoucnosti@Zoran Zaev]“.",
        ],
    );
}

#[test]
fn institutions_with_a_lower_case_head() {
    table(
        "nl",
        &["org"],
        &[
            "Het [org:ministerie van Buitenlandse Zaken] doet aangifte. Het ministerie zwijgt verder.",
        ],
    );
    table("fr", &["org"], &["Le [org:ministère de l’Intérieur] a réagi lundi."]);
    table("es", &["org"], &["El [org:ministerio de Sanidad] respondió."]);
    // A lower-case head without a capitalised name after its link is no name.
    table("pt", &["org"], &["O ministério da saúde pública respondeu."]);
}

#[test]
fn a_past_tense_verb_ends_a_slavic_institution_name() {
    table("cs", &["org"], &["[org:Ministerstvo financí] reagovalo na dotaz."]);
}

#[test]
fn vietnamese_names_end_before_a_verb() {
    table(
        "vi",
        &["org"],
        &[
            "[org:Tập đoàn Vingroup] công bố kết quả kinh doanh.",
            "[org:Công ty Masan] vừa công bố kết quả.",
        ],
    );
}

#[test]
fn sports_clubs_by_their_club_words() {
    table(
        "en",
        &["org"],
        &[
            "[org:Manchester United] drew with [org:Blackburn Rovers]; [org:Liverpool FC] lost in Kansas City.",
        ],
    );
    table("es", &["org"], &["[org:Real Madrid] ganó al [org:Atlético de Madrid]."]);
    table("pl", &["org"], &["[org:Legia Warszawa] pokonała rywala."]);
    table("cs", &["org"], &["[org:Sparta Praha] porazila soupeře."]);
    table("de", &["org"], &["[org:Borussia Dortmund] spielt am Sonntag."]);
}

#[test]
fn names_joined_to_an_organisation_word_and_linked_runs_that_stop_there() {
    table(
        "nl",
        &["org"],
        &[
            "Een lid van de [org:Nationale Vergadering van Wales] van de [org:Labour]-partij zei het.",
        ],
    );
    table("de", &["org"], &["Gestern meldete [org:Voltaro]-Konzern hohe Gewinne."]);
}

#[test]
fn speakers_named_by_one_word_next_to_a_verb_of_saying() {
    // Speaker-slot evidence: one word after a verb of saying, or opening
    // its clause before one, is a person whatever the given name.
    table(
        "pl",
        &["quote", "person"],
        &[
            "„[quote:Głos oddany na niego to głos przeciwko chaosowi@Trump]” — powiedział [person:Trump] na wiecu.",
        ],
    );
    table(
        "cs",
        &["quote", "person"],
        &["„[quote:Tohle je pro nás velmi dobrá zpráva,@Babiš]“ řekl [person:Babiš]."],
    );
    table(
        "es",
        &["quote", "person"],
        &["“[quote:Vamos a ganar estas elecciones sin duda@Obrador]”, dijo [person:Obrador]."],
    );
    table(
        "de",
        &["quote", "person"],
        &[
            "Am Montag war [person:Habeck] in Kiel. [person:Habeck] betonte: „[quote:Wir müssen jetzt schneller handeln@Habeck]“",
        ],
    );
    // A source (often a medium) and a capitalised common noun are no person.
    table(
        "en",
        &["quote", "person"],
        &["\"[quote:The talks have stalled for now@-]\", according to Bloomberg."],
    );
    table("de", &["quote", "person"], &["Experten sagen: „[quote:Das wird noch lange dauern@-]“"]);
}

#[test]
fn a_surname_or_its_misspelling_after_a_verb_is_the_person_named_before() {
    // A surname that is also a place, next to a verb of saying.
    table(
        "cs",
        &["quote"],
        &[
            "Případ nebyl složitý, jak říká Paz Zárate, chilská odbornice.\n\n„[quote:Otázky přístupu k moři se zmocnila vláda,@Paz Zárate]“ říká Zárate.",
        ],
    );
    // One letter off the surname met in full.
    table(
        "pt",
        &["quote"],
        &[
            "Vladimir Kavardarkov, de 54 anos, preparava um palco.\n\n\"[quote:Somos pela NATO e pela UE, mas de cabeça erguida@Vladimir Kavardarkov]\", afirmou Kavadarkov.",
        ],
    );
    // Korean names keep the family name first, also after a place.
    table(
        "vi",
        &["quote"],
        &[
            "Ngoại trưởng Triều Tiên Ri Yong Ho phát biểu hôm thứ Bảy.\n\nÔng Ri nói rằng đó là một “[quote:giấc mơ hão huyền của họ@Ri Yong Ho]” khi tiếp tục.",
        ],
    );
}

#[test]
fn people_after_a_place_or_before_a_club() {
    // A place opening a name after a role, and German `von` with a club.
    table("cs", &["person"], &["Prezident Bolívie [person:Evo Morales] má zájem."]);
    table(
        "de",
        &["quote"],
        &[
            "Peter Christie von Melrose sagte: „[quote:Anerkennung für Ayr, sie waren besser.@Peter Christie]“",
        ],
    );
}

#[test]
fn speakers_of_quotes_sharing_a_sentence_or_after_an_unnamed_source() {
    // Two fragments of one sentence share the verb after the second.
    table(
        "cs",
        &["quote"],
        &[
            "Bývalý prezident Eduardo Rodríguez Veltzé odmítl myšlenku.\n\nPondělí přinese „[quote:výjimečnou příležitost zahájit novou éru@Eduardo Rodríguez Veltzé]“ a šanci „[quote:ukončit 139 let neshod se výhodami,@Eduardo Rodríguez Veltzé]“ řekl.",
        ],
    );
    table(
        "en",
        &["quote"],
        &[
            "Mayor Ann Hall spoke. The plan is \"[quote:a real chance for the city]\" and \"[quote:long overdue for all of us,@Ann Hall]\" she said.",
        ],
    );
    // A pronoun after a quote by an unnamed source: no antecedent inside a quote.
    table(
        "fr",
        &["quote"],
        &[
            "Le secrétaire général du syndicat affirme qu'il a « [quote:proposé une tribune à Philippe Martinez@-] ». Par ailleurs, il estime que « [quote:la liberté de la presse doit aller dans les deux sens@-] ».",
        ],
    );
    // The paragraph between two quotes says who speaks next.
    table(
        "cs",
        &["quote"],
        &[
            "Diplomat Roberto Calzadilla přijel.\n\n„[quote:Pondělí přinese novou éru vztahů,@Eduardo Veltzé]“ řekl Eduardo Veltzé.\n\nCalzadilla také odmítl, že by prezident Evo Morales používal otázku moře.\n\n„[quote:Bolívie se nikdy nevzdá svého práva,@Roberto Calzadilla]“ dodal.",
        ],
    );
}

#[test]
fn speakers_before_a_colon_or_in_a_sentence_opened_by_for() {
    // A verb of saying opens the sentence, the colon comes later.
    table(
        "es",
        &["quote"],
        &[
            "El cantante Pedro Gómez dejará la banda.\n\nAnunció el cambio en Twitter el sábado: “[quote:La persona anteriormente conocida como Pedro@Pedro Gómez]”.",
        ],
    );
    // `Para o coordenador …, X, … .` and the quote in the next sentence.
    table(
        "pt",
        &["quote"],
        &[
            "Para o coordenador de Análise do Ministério, Matias Cardomingo, a medida contribui. “[quote:A estratégia integra esses instrumentos em um todo@Matias Cardomingo]”.",
        ],
    );
}

/// `North`, `South`, `East`, `West` never start a name but may end one
/// after a capitalised word (`Rebecca West`), and never inside a longer
/// run or after an article (`West Bank`, `the Middle East`).
#[test]
fn compass_words_end_names() {
    table(
        "en",
        &["person"],
        &[
            "“We will not stop,” said [person:Marla West] on Friday.",
            "[person:Oren North], the committee's chairman, resigned.",
            "Violence spread across the West Bank and the Middle East on Friday.",
            "West said nothing about the plan.",
        ],
    );
    table("es", &["person"], &["[person:Tomás West] dijo que no habría cambios en la empresa."]);
    table(
        "de",
        &["person"],
        &["„Das ist falsch“, sagte [person:Lena North] am Montag in Hamburg."],
    );
    table("fr", &["person"], &["« C'est fini », a déclaré [person:Hugo West] devant la presse."]);
}

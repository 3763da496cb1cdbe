//! The words urgent actions are read by, in English, Spanish and French
//! (and, for salutations and closings, the other languages model letters
//! come in): headings and what each introduces, salutations, closings,
//! the phrases that introduce a deadline or copies, honorifics and the
//! words of titles and organisations. Data, not rules: the reader decides
//! what a cue means where it stands.
//!
//! Every phrase is in folded form (see [`fold`]).

/// What a heading introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// `URGENT ACTION`, `ACCIÓN URGENTE`: the banner, not content.
    Banner,
    Title,
    TypeNumber,
    Index,
    Issued,
    Summary,
    /// The model letter follows.
    Letter,
    /// The officials to write to follow.
    Targets,
    /// Whom to send copies to follows.
    Copies,
    /// `ALSO SEND COPIES TO DIPLOMATIC REPRESENTATIVES …`: an instruction,
    /// kept as the copies note; addresses under it are copies.
    DiplomatsNote,
    Language,
    Deadline,
    People,
    Previous,
    Background,
    /// `TAKE ACTION: …`: the section where the targets and letter stand.
    TakeAction,
    /// `PLEASE WRITE IMMEDIATELY in …:`: what to ask for, as points.
    Points,
    /// `PLEASE SEND APPEALS BEFORE … TO:`: a deadline, then the targets.
    SendBefore,
}

/// Headings, longest first where one starts another. A heading matches a
/// line that is the phrase alone, or the phrase followed by `:` and a
/// value, or by an editor's note in brackets (`(400 WORDS)`); the cues in
/// [`RUNS_ON`] may go on with more words.
pub const HEADINGS: &[(&str, Cue)] = &[
    // The labelled 2017 template.
    ("urgent action title", Cue::Title),
    ("urgent action type and number", Cue::TypeNumber),
    ("urgent action summary", Cue::Summary),
    ("urgent action letter", Cue::Letter),
    ("publication date", Cue::Issued),
    ("date of publication", Cue::Issued),
    ("index number", Cue::Index),
    ("target's contact details", Cue::Targets),
    ("targets' contact details", Cue::Targets),
    ("target contact details", Cue::Targets),
    ("appeal deadline notice", Cue::Deadline),
    (
        "also send copies to diplomatic representatives",
        Cue::DiplomatsNote,
    ),
    ("background information", Cue::Background),
    // The current layout.
    ("take action", Cue::TakeAction),
    ("additional information", Cue::Background),
    (
        "please take action as soon as possible until",
        Cue::Deadline,
    ),
    ("name and pronouns", Cue::People),
    ("name and pronoun", Cue::People),
    ("name and gender pronoun", Cue::People),
    ("preferred language to address target", Cue::Language),
    ("preferred language", Cue::Language),
    ("link to previous ua", Cue::Previous),
    // The older layout.
    ("please write immediately", Cue::Points),
    ("write immediately", Cue::Points),
    ("please send appeals before", Cue::SendBefore),
    ("please send appeals to", Cue::Targets),
    ("send appeals to", Cue::Targets),
    ("and copies to", Cue::Copies),
    ("also send copies to", Cue::Copies),
    ("copies to", Cue::Copies),
    ("copy to", Cue::Copies),
    ("copy of this letter to", Cue::Copies),
    // Web pages and model letters.
    ("model letter", Cue::Letter),
    ("sample letter", Cue::Letter),
    ("suggested letter", Cue::Letter),
    ("draft letter", Cue::Letter),
    ("further information", Cue::Background),
    ("background", Cue::Background),
    ("summary", Cue::Summary),
    ("deadline", Cue::Deadline),
    ("write to", Cue::Targets),
    ("addresses", Cue::Targets),
    // Spanish.
    ("acción urgente", Cue::Banner),
    ("título de la acción urgente", Cue::Title),
    ("resumen de la acción urgente", Cue::Summary),
    ("carta de la acción urgente", Cue::Letter),
    ("fecha de publicación", Cue::Issued),
    ("número de índice", Cue::Index),
    ("datos de contacto", Cue::Targets),
    ("escriban inmediatamente", Cue::Points),
    ("escriba inmediatamente", Cue::Points),
    ("envíen llamamientos antes del", Cue::SendBefore),
    ("envíen llamamientos antes de", Cue::SendBefore),
    ("envíen sus llamamientos antes del", Cue::SendBefore),
    ("envíen llamamientos a", Cue::Targets),
    ("envíen sus llamamientos a", Cue::Targets),
    ("escriban a", Cue::Targets),
    ("y copias a", Cue::Copies),
    ("copias a", Cue::Copies),
    ("copia a", Cue::Copies),
    ("con copia a", Cue::Copies),
    ("información complementaria", Cue::Background),
    ("información adicional", Cue::Background),
    ("antecedentes", Cue::Background),
    (
        "idioma preferido para dirigirse a la autoridad",
        Cue::Language,
    ),
    ("idioma preferido", Cue::Language),
    ("actúen", Cue::TakeAction),
    ("actúa", Cue::TakeAction),
    ("nombre y pronombre", Cue::People),
    ("fecha límite", Cue::Deadline),
    ("plazo", Cue::Deadline),
    ("carta modelo", Cue::Letter),
    ("modelo de carta", Cue::Letter),
    ("enlace a la au anterior", Cue::Previous),
    // French.
    ("action urgente", Cue::Banner),
    ("titre de l'action urgente", Cue::Title),
    ("résumé de l'action urgente", Cue::Summary),
    ("lettre de l'action urgente", Cue::Letter),
    ("date de publication", Cue::Issued),
    ("numéro d'index", Cue::Index),
    ("coordonnées", Cue::Targets),
    ("écrivez immédiatement", Cue::Points),
    ("écrivez sans attendre", Cue::Points),
    ("envoyez vos appels avant le", Cue::SendBefore),
    ("envoyez vos appels à", Cue::Targets),
    ("envoyez vos appels a", Cue::Targets),
    ("écrivez à", Cue::Targets),
    ("et copies à", Cue::Copies),
    ("copies à", Cue::Copies),
    ("copie à", Cue::Copies),
    ("avec copie à", Cue::Copies),
    ("complément d'information", Cue::Background),
    ("informations complémentaires", Cue::Background),
    ("informations générales", Cue::Background),
    ("contexte", Cue::Background),
    ("langue à privilégier", Cue::Language),
    ("langue préférée", Cue::Language),
    ("agissez", Cue::TakeAction),
    ("passez à l'action", Cue::TakeAction),
    ("nom et pronom", Cue::People),
    ("date limite", Cue::Deadline),
    ("délai d'envoi", Cue::Deadline),
    ("lettre type", Cue::Letter),
    ("modèle de lettre", Cue::Letter),
    ("exemple de lettre", Cue::Letter),
    ("lien vers l'au précédente", Cue::Previous),
    ("appel urgent", Cue::Banner),
    ("appels urgents", Cue::Banner),
    // Both, last: the banner starts other headings.
    ("urgent action appeal", Cue::Banner),
    ("urgent action", Cue::Banner),
];

/// Headings whose printed form goes on with more words than the phrase
/// (`TARGET'S CONTACT DETAILS & "COPIES TO"`, `PLEASE SEND APPEALS
/// BEFORE 10 DECEMBER 2010 TO:`, `PLEASE WRITE IMMEDIATELY in English
/// or your own language:`).
pub const RUNS_ON: &[Cue] = &[
    Cue::Targets,
    Cue::DiplomatsNote,
    Cue::SendBefore,
    Cue::Points,
    Cue::TakeAction,
];

/// Phrases that introduce a deadline wherever they stand in a line; the
/// date must follow within a few words.
pub const DEADLINE_PHRASES: &[&str] = &[
    "please send appeals before",
    "send appeals before",
    "please take action as soon as possible until",
    "appeal deadline notice",
    "no later than",
    "not later than",
    "expires on",
    "expired on",
    "ended on",
    "ends on",
    "deadline:",
    "deadline is",
    "deadline",
    "until",
    "before",
    "antes del",
    "antes de",
    "a más tardar el",
    "hasta el",
    "fecha límite:",
    "fecha límite",
    "plazo:",
    "avant le",
    "avant",
    "jusqu'au",
    "au plus tard le",
    "date limite:",
    "date limite",
    "délai d'envoi:",
    "délai d'envoi",
    "délai:",
    "schrijf vóór",
    "vóór",
    "by",
];

/// Words within the few before a deadline's date that make the phrase
/// about the appeals (so that "before" in prose is not a deadline):
/// `before` and `avant` count only with one of these on the same line.
pub const WEAK_DEADLINE_PHRASES: &[&str] = &["before", "until", "avant", "deadline", "vóór", "by"];
pub const APPEAL_WORDS: &[&str] = &[
    "appeal",
    "appeals",
    "write",
    "send",
    "action",
    "letter",
    "letters",
    "llamamiento",
    "llamamientos",
    "envíen",
    "escriban",
    "appels",
    "appel",
    "envoyez",
    "écrivez",
    "lettre",
    "schrijf",
    "expires",
    "act",
];

/// How a model letter opens.
pub const SALUTATIONS: &[&str] = &[
    "dear ",
    "dear,",
    "to whom it may concern",
    "your excellency",
    "your excellencies",
    "your majesty",
    "your royal highness",
    "your highness",
    "your honour",
    "your honor",
    "excellency",
    "excellencies",
    "honourable ",
    "honorable ",
    "mr president",
    "mr. president",
    "madam president",
    "madam,",
    "sir,",
    "sir or madam",
    "estimado",
    "estimada",
    "estimados",
    "estimadas",
    "distinguido",
    "distinguida",
    "distinguidos",
    "apreciado",
    "apreciada",
    "señor ",
    "señora ",
    "señor:",
    "señora:",
    "sr. ",
    "sra. ",
    "excelentísimo",
    "excelentísima",
    "excmo",
    "excma",
    "su excelencia",
    "majestad",
    "su majestad",
    "monsieur",
    "madame",
    "messieurs",
    "mesdames",
    "excellence",
    "votre excellence",
    "votre majesté",
    "majesté",
    "cher ",
    "chère ",
    "chers ",
    "prezado",
    "prezada",
    "exmo",
    "exma",
    "excelentíssimo",
    "excelentíssima",
    "senhor ",
    "senhora ",
    "sehr geehrte",
    "egregio",
    "egregia",
    "gentile",
    "geachte",
    "السيد",
    "السيدة",
    "السادة",
    "سيادة",
    "معالي",
    "صاحب الجلالة",
    "صاحب السمو",
    "حضرة",
    "عزيزي",
];

/// How a model letter closes.
pub const CLOSINGS: &[&str] = &[
    "yours sincerely",
    "yours very sincerely",
    "yours faithfully",
    "yours truly",
    "yours respectfully",
    "respectfully yours",
    "sincerely",
    "respectfully",
    "with respect",
    "kind regards",
    "warm regards",
    "warmest regards",
    "best regards",
    "with best regards",
    "with kind regards",
    "regards",
    "best wishes",
    "with thanks",
    "atentamente",
    "muy atentamente",
    "le saluda atentamente",
    "les saluda atentamente",
    "reciba un cordial saludo",
    "reciba un saludo",
    "un cordial saludo",
    "saludos cordiales",
    "cordiales saludos",
    "un saludo",
    "respetuosamente",
    "cordialmente",
    "veuillez agréer",
    "veuillez recevoir",
    "je vous prie d'agréer",
    "je vous prie de croire",
    "je vous prie de recevoir",
    "recevez",
    "cordialement",
    "respectueusement",
    "bien à vous",
    "sincères salutations",
    "salutations distinguées",
    "avec mes salutations",
    "atenciosamente",
    "com os melhores cumprimentos",
    "cumprimentos",
    "mit freundlichen grüßen",
    "hochachtungsvoll",
    "distinti saluti",
    "cordiali saluti",
    "met vriendelijke groet",
    "vriendelijke groet",
    "hoogachtend",
    "وتفضلوا بقبول",
    "وتفضلوا",
    "وتقبلوا",
    "مع خالص",
    "مع فائق",
    "مع التحية",
    "تحياتي",
];

/// Lines that introduce whom to send copies to, when they are a line of
/// their own (`cc`, `cc.`, `Copies to:`); a value may follow on the line.
pub const COPIES: &[&str] = &[
    "cc",
    "c.c.",
    "c.c",
    "copy:",
    "copies:",
    "copies to",
    "copy to",
    "and copies to",
    "also send copies to",
    "with a copy to",
    "with copies to",
    "copy of this letter to",
    "copies of this letter to",
    "and, for your information,",
    "and for your information",
    "for your information",
    "copia a",
    "copias a",
    "y copias a",
    "con copia a",
    "copia:",
    "copie à",
    "copies à",
    "et copies à",
    "avec copie à",
    "copie :",
];

/// Honorifics written before a name, longest first; kept as written.
pub const HONORIFICS: &[&str] = &[
    "His Royal Highness",
    "Her Royal Highness",
    "His Majesty King",
    "Her Majesty Queen",
    "His Majesty",
    "Her Majesty",
    "His Highness",
    "Her Highness",
    "His Excellency",
    "Her Excellency",
    "Their Excellencies",
    "The Right Honourable",
    "The Right Honorable",
    "The Rt. Hon.",
    "The Rt Hon",
    "Rt. Hon.",
    "Rt Hon",
    "The Honourable",
    "The Honorable",
    "The Hon.",
    "Hon.",
    "H.R.H.",
    "H.E.",
    "H.E",
    "H.M.",
    "S.E.M.",
    "S.E.",
    "Son Excellence Monsieur",
    "Son Excellence Madame",
    "Son Excellence",
    "Sa Majesté",
    "Su Excelencia",
    "Su Majestad",
    "Excmo. Sr. D.",
    "Excma. Sra. Dña.",
    "Excmo. Sr.",
    "Excma. Sra.",
    "Excmo.",
    "Excma.",
    "Exmo. Sr.",
    "Exma. Sra.",
    "Exmo.",
    "Exma.",
    "General de División",
    "General de Brigada",
    "Major General",
    "Brigadier General",
    "Lieutenant General",
    "Lt. Gen.",
    "Maj. Gen.",
    "General",
    "Gen.",
    "Général",
    "Colonel",
    "Coronel",
    "Comandante",
    "Admiral",
    "Almirante",
    "Captain",
    "Capt.",
    "Capitán",
    "Sheikh",
    "Shaikh",
    "Sheikha",
    "Crown Prince",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Emir",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Justice",
    "Judge",
    "Professor",
    "Prof.",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Miss",
    "Dr.",
    "Dr",
    "Lic.",
    "Licenciado",
    "Licenciada",
    "Ing.",
    "Abg.",
    "Abog.",
    "Mtro.",
    "Mtra.",
    "Arq.",
    "Sr. D.",
    "Sra. Dña.",
    "Sr.",
    "Sra.",
    "Srta.",
    "Dña.",
    "Doña",
    "Don",
    "Monsieur",
    "Madame",
    "Mme.",
    "Mme",
    "Mlle",
    "M.",
    "Maître",
    "Me",
    "Dott.ssa",
    "Dott.",
    "On.",
];

/// Words a line of an organisation has (folded); an address line has
/// digits instead.
pub const ORGANISATION_WORDS: &[&str] = &[
    "department",
    "ministry",
    "ministerio",
    "ministère",
    "ministério",
    "office",
    "oficina",
    "bureau",
    "cabinet",
    "secretariat",
    "secretaría",
    "secrétariat",
    "secretaria de",
    "government",
    "gobierno",
    "gouvernement",
    "governo",
    "presidency",
    "presidencia",
    "présidence",
    "presidência",
    "embassy",
    "embajada",
    "ambassade",
    "embaixada",
    "mission",
    "misión",
    "consulate",
    "consulado",
    "consulat",
    "council",
    "consejo",
    "conseil",
    "court",
    "corte",
    "tribunal",
    "cour ",
    "procuraduría",
    "fiscalía",
    "parquet",
    "commission",
    "comisión",
    "comissão",
    "agency",
    "agencia",
    "agence",
    "parliament",
    "parlamento",
    "parlement",
    "assembly",
    "asamblea",
    "assemblée",
    "congress",
    "congreso",
    "senate",
    "senado",
    "sénat",
    "authority",
    "autoridad",
    "autorité",
    "police",
    "policía",
    "policia",
    "gendarmerie",
    "palace",
    "palacio",
    "palais",
    "palácio",
    "institute",
    "instituto",
    "institut",
    "secretaría de estado",
    "global affairs",
    "house of",
    "casa de gobierno",
    "ombudsman",
    "defensoría",
    "inc.",
    "ltd",
    "corporation",
    "company",
];

/// Words a title line starts with, when the title comes before the name.
pub const TITLE_WORDS: &[&str] = &[
    "minister",
    "ministers",
    "president",
    "vice-president",
    "prime",
    "premier",
    "governor",
    "secretary",
    "secretary-general",
    "attorney",
    "attorney-general",
    "prosecutor",
    "public",
    "director",
    "director-general",
    "chief",
    "head",
    "commissioner",
    "ambassador",
    "mayor",
    "king",
    "queen",
    "emir",
    "sheikh",
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "speaker",
    "judge",
    "chancellor",
    "deputy",
    "vice",
    "permanent",
    "representative",
    "counsellor",
    "consul",
    "high",
    "supreme",
    "federal",
    "state",
    "national",
    "ombudsman",
    "inspector",
    "superintendent",
    "warden",
    "member",
    "senator",
    "congressman",
    "congresswoman",
    "ceo",
    "procurador",
    "procuradora",
    "presidente",
    "presidenta",
    "ministro",
    "ministra",
    "gobernador",
    "gobernadora",
    "governador",
    "secretario",
    "secretaria",
    "fiscal",
    "juez",
    "jueza",
    "embajador",
    "embajadora",
    "alcalde",
    "alcaldesa",
    "director",
    "directora",
    "defensor",
    "defensora",
    "comisionado",
    "comisionada",
    "diputado",
    "diputada",
    "senador",
    "senadora",
    "ministre",
    "président",
    "présidente",
    "premier",
    "première",
    "gouverneur",
    "secrétaire",
    "procureur",
    "procureure",
    "directeur",
    "directrice",
    "ambassadeur",
    "ambassadrice",
    "maire",
    "juge",
    "député",
    "députée",
    "sénateur",
    "commissaire",
    "médiateur",
    "médiatrice",
    "chef",
];

/// Lines after a letter's closing that are the writer's signature, which
/// appeal writes itself.
pub const SIGNATURES: &[&str] = &[
    "[your name]",
    "[name]",
    "your name",
    "name:",
    "name",
    "signature",
    "signature:",
    "signed",
    "[signature]",
    "[your address]",
    "your address",
    "address:",
    "firma",
    "firma:",
    "nombre",
    "nombre:",
    "[nombre]",
    "nom",
    "nom:",
    "[nom]",
    "votre nom",
    "[votre nom]",
    "nom, prénom",
    "prénom nom",
];

/// Lines of a subject, before a letter that has no salutation: `Re: …`.
pub const SUBJECTS: &[&str] = &[
    "re:",
    "re :",
    "subject:",
    "subject :",
    "asunto:",
    "asunto :",
    "ref:",
    "ref.:",
    "objet:",
    "objet :",
    "assunto:",
];

/// Case-folded form of a line for matching: lower case, curly quotes
/// straightened, runs of spaces made one, edges and bullets trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let s = s
        .trim()
        .trim_start_matches(['•', '‣', '▪', '◦'])
        .trim_start();
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '«' | '»' => '"',
            '\u{00A0}' | '\u{202F}' | '\t' => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        if c.is_ascii() {
            // Most of any document: no table to look up.
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    // French puts a space before `:`; folded, `Copie à :` is `copie à:`.
    if out.contains(" :") {
        out = out.replace(" :", ":");
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A heading found on a line: what it introduces, and the value after it
/// in the line's own case (empty when there is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub cue: Cue,
    pub value: String,
    /// What follows the phrase, folded: the rest of a heading that runs on.
    pub rest: String,
}

/// The heading `folded` (the fold of `line`) is, if it is one. Prose that
/// begins "Urgent action is …" is not one.
pub fn heading(line: &str, folded: &str) -> Option<Heading> {
    for (phrase, cue) in HEADINGS {
        let Some(rest) = folded.strip_prefix(phrase) else {
            continue;
        };
        // A word must end where the phrase does: `urgent actions` is not
        // `urgent action` with `s` after it.
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = rest.trim_start();
        // An editor's note in brackets after the heading: `(400 WORDS)`.
        let after_note = match rest.strip_prefix('(') {
            Some(r) => r.split_once(')').map_or(rest, |(_, r)| r.trim_start()),
            None => rest,
        };
        let labelled = after_note.starts_with(':');
        let runs_on = RUNS_ON.contains(cue) && !after_note.is_empty();
        if !(after_note.is_empty() || labelled || runs_on) {
            continue;
        }
        if runs_on && !labelled && ends_sentence(after_note) && !after_note.ends_with(':') {
            // `Take action now to stop this.`: prose, not a heading.
            if *cue == Cue::TakeAction {
                continue;
            }
        }
        let value = if labelled {
            line.split_once(':')
                .map_or("", |(_, v)| v)
                .trim()
                .to_string()
        } else {
            String::new()
        };
        return Some(Heading {
            cue: *cue,
            value,
            rest: after_note.to_string(),
        });
    }
    None
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?'])
}

/// Whether a folded line starts with one of `phrases`, as whole words.
pub fn starts_with_any<'a>(folded: &str, phrases: &[&'a str]) -> Option<&'a str> {
    phrases.iter().copied().find(|p| {
        folded.strip_prefix(*p).is_some_and(|rest| {
            p.ends_with([' ', ',', ':', '.']) || !rest.starts_with(|c: char| c.is_alphanumeric())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(line: &str) -> Option<(Cue, String)> {
        heading(line, &fold(line)).map(|h| (h.cue, h.value))
    }

    #[test]
    fn headings_match_loosely_and_carry_values() {
        assert_eq!(cue("URGENT ACTION"), Some((Cue::Banner, String::new())));
        assert_eq!(
            cue("Take Action: write an appeal"),
            Some((Cue::TakeAction, "write an appeal".to_string()))
        );
        assert_eq!(
            cue("Target’s contact details & “copies to”").map(|c| c.0),
            Some(Cue::Targets)
        );
        assert_eq!(
            cue("BACKGROUND INFORMATION (400 WORDS + RELEVANT LINKS):").map(|c| c.0),
            Some(Cue::Background)
        );
        assert_eq!(
            cue("Copie à : Ambassade"),
            Some((Cue::Copies, "Ambassade".to_string()))
        );
        assert_eq!(cue("Urgent action is needed, she said."), None);
        assert_eq!(cue("Urgent actions work"), None);
        assert_eq!(cue("Background checks were made."), None);
    }

    #[test]
    fn folding_straightens_quotes_and_french_colons() {
        assert_eq!(
            fold("  TARGET’S CONTACT DETAILS & “COPIES TO”"),
            "target's contact details & \"copies to\""
        );
        assert_eq!(fold("• Copie à :"), "copie à:");
    }
}

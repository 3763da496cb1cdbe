//! Blocks of contact lines: the officials to write to and the copies.
//! A block is read into contacts, each with its honorific, name, title,
//! organisation, postal address, emails, faxes, phones and salutation,
//! whether its parts stand one to a line, run together with commas
//! (`Mr. Peter Lundy, Director-General …, Global Affairs Canada.`) or with
//! labels on one line (`H.E. … New York, NY 10017 Phone: … Email: …`).

use super::cues::{HONORIFICS, ORGANISATION_WORDS, TITLE_WORDS, fold};
use super::fields::{Label, emails, label, phones, split_at_labels};
use super::letter::salutation;
use super::lines::Reason;
use super::{Contact, Salutation};

/// A contact read from a block, with the lines (indices into the reader's
/// lines) it came from, the lines of it that no field keeps, and whether
/// the page hid its email addresses.
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub contact: Contact,
    pub lines: Vec<usize>,
    pub left: Vec<(usize, Reason)>,
    pub hidden_email: bool,
}

/// One piece of a block: plain text, or a labelled value, from a line.
#[derive(Debug, Clone)]
enum Piece {
    Plain(String),
    Labelled(Label, String),
}

/// The contacts of a block of lines, each given with its index.
pub fn read(block: &[(usize, &str)]) -> Vec<Read> {
    let mut out: Vec<Read> = Vec::new();
    let mut current = Read::default();
    let mut plain: Vec<String> = Vec::new();
    // Whether the current contact has an email, fax or phone, and a
    // postal address line.
    let mut reach = false;
    let mut addressed = false;
    for &(i, text) in block {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        for piece in pieces(text) {
            let starts = match &piece {
                Piece::Plain(t) => {
                    ((reach || addressed) && starts_contact(t)) || (reach && names_someone(t))
                }
                Piece::Labelled(..) => false,
            };
            if starts {
                finish(&mut current, &mut plain, &mut out);
                reach = false;
                addressed = false;
            }
            if !current.lines.contains(&i) {
                current.lines.push(i);
            }
            match piece {
                Piece::Plain(t) => {
                    addressed |= t.chars().any(|c| c.is_ascii_digit());
                    match plain.last_mut() {
                        // `Prime Minister` / `of the Islamic Republic …`.
                        Some(last) if continues(&t) => {
                            last.push(' ');
                            last.push_str(&t);
                        }
                        _ => plain.push(t),
                    }
                }
                Piece::Labelled(kind, value) => {
                    reach |= matches!(kind, Label::Email | Label::Fax | Label::Phone);
                    let ends = kind == Label::Salutation;
                    labelled(&mut current, kind, &value, i);
                    if ends {
                        finish(&mut current, &mut plain, &mut out);
                        reach = false;
                        addressed = false;
                    }
                }
            }
        }
    }
    finish(&mut current, &mut plain, &mut out);
    out
}

/// The pieces of one line: a line of labels on one contact is cut at
/// them; a line of addresses alone is an email piece.
fn pieces(text: &str) -> Vec<Piece> {
    if let Some((kind, value)) = label(text) {
        return vec![Piece::Labelled(kind, value.to_string())];
    }
    let (head, labelled) = split_at_labels(text);
    if !labelled.is_empty() {
        let mut out = Vec::new();
        if !head.is_empty() {
            out.push(Piece::Plain(clean_part(&head)));
        }
        out.extend(labelled.into_iter().map(|(k, v)| Piece::Labelled(k, v)));
        return out;
    }
    // `@ImranKhanPTI` under a `Twitter :` line: a handle, not an address.
    if text
        .split_whitespace()
        .all(|w| w.starts_with('@') || w == ",")
    {
        return vec![Piece::Labelled(Label::Social, text.to_string())];
    }
    let (found, hidden) = emails(text);
    let only_emails = !found.is_empty()
        && text
            .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == ';')
            .filter(|w| !w.is_empty())
            .all(|w| w.contains('@') || w.contains("(a)") || matches!(w, "or" | "ou" | "o"));
    if only_emails || (hidden && text.len() < 60) {
        return vec![Piece::Labelled(Label::Email, text.to_string())];
    }
    vec![Piece::Plain(clean_part(text))]
}

/// A line of a block without the comma, or the dash before a label, it
/// ends with.
fn clean_part(t: &str) -> String {
    t.trim()
        .trim_end_matches([',', ';', '–', '—', '-', '|'])
        .trim()
        .to_string()
}

/// A line that names a person, alone or before a title: `Ana Quiroga`,
/// `Luis Herrera, Governor of Santa Rosa`.
fn names_someone(t: &str) -> bool {
    let first = t.split(", ").next().unwrap_or(t);
    looks_like_name(first)
}

/// A line that goes on from the one before: `of the Islamic Republic`,
/// `islamique du Pakistan` (a name or title wrapped onto a second line
/// starts in lower case; an address line rarely does).
fn continues(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
        && !t.starts_with("c/o")
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// A line that starts a contact: a name with an honorific, or a title.
pub fn starts_contact_line(t: &str) -> bool {
    starts_contact(t)
}

/// A line that starts a new contact once the current one has a way to
/// reach it: a name with an honorific, or a title before a name.
fn starts_contact(t: &str) -> bool {
    honorific(t).is_some() || (is_title_line(t) && !t.chars().any(|c| c.is_ascii_digit()))
}

fn labelled(read: &mut Read, kind: Label, value: &str, line: usize) {
    let c = &mut read.contact;
    match kind {
        Label::Email => {
            let (found, hidden) = emails(value);
            read.hidden_email |= hidden && found.is_empty();
            for e in found {
                if !c.emails.contains(&e) {
                    c.emails.push(e);
                }
            }
        }
        Label::Fax => c.fax.extend(phones(value)),
        Label::Phone => c.phone.extend(phones(value)),
        Label::Salutation => {
            if !value.is_empty() {
                c.salutation = Some(salutation(value));
            }
        }
        Label::Social => read.left.push((line, Reason::SocialMedia)),
        Label::Postage => read.left.push((line, Reason::Postage)),
        Label::Address => {
            if !value.is_empty() {
                c.address.push(clean_part(value));
            }
        }
    }
}

/// Ends the current contact: its plain lines become its name, title,
/// organisation and address.
fn finish(current: &mut Read, plain: &mut Vec<String>, out: &mut Vec<Read>) {
    let mut read = std::mem::take(current);
    let lines = std::mem::take(plain);
    if read.lines.is_empty() {
        return;
    }
    fill(&mut read.contact, lines);
    // A line of social handles or postage alone, before any contact.
    let kept = read.contact != Contact::default();
    if kept {
        out.push(read);
    } else if let Some(last) = out.last_mut() {
        last.left.extend(read.left);
        last.lines.extend(read.lines);
    } else {
        out.push(read);
    }
}

/// The contact's plain lines, in order: who (name and title, either way
/// round), where they work, then the postal address.
fn fill(c: &mut Contact, lines: Vec<String>) {
    let mut lines: std::collections::VecDeque<String> = lines.into();
    let Some(first) = lines.pop_front() else {
        return;
    };
    let run: Vec<&str> = first.split(", ").collect();
    let opens_run =
        HONORIFICS.contains(&run[0]) || looks_like_name(run[0]) || is_title_line(run[0]);
    if lines.is_empty() && run.len() >= 2 && opens_run {
        return fill_run(c, &run);
    }
    let mut first = first;
    if is_title_line(&first)
        && let Some(next) = lines.front()
        && looks_like_name(strip_honorific(next).1)
    {
        // `Minister of Security` / `General de División Julián Pacheco`.
        c.title = Some(first.trim_end_matches('.').to_string());
        first = lines.pop_front().expect("a next line");
    }
    let (hon, rest) = strip_honorific(&first);
    c.honorific = hon.map(str::to_string);
    // `Monsieur le Ministre de l'Intérieur` / `Khaled Nouri`: an honorific
    // and a title, then the name.
    let title = rest
        .strip_prefix("le ")
        .or_else(|| rest.strip_prefix("la "))
        .or_else(|| rest.strip_prefix("el "))
        .or_else(|| rest.strip_prefix("the "))
        .unwrap_or(rest);
    if hon.is_some()
        && c.title.is_none()
        && is_title_line(title)
        && let Some(next) = lines.front()
        && looks_like_name(next)
    {
        c.title = Some(title.to_string());
        c.name = lines.pop_front();
    } else if !looks_like_name(rest) && rest.split_whitespace().count() > 3 {
        // `Secretary Menardo I. Guevarra`, `H.E. Majid … Mission … 622 …`.
        who_in_one(c, rest);
    } else {
        c.name = Some(rest.to_string());
    }
    if c.title.is_none()
        && let Some(next) = lines.front()
        && is_title_ish(next)
    {
        c.title = lines
            .pop_front()
            .map(|t| t.trim_end_matches('.').to_string());
    }
    // A name line with no person in it: an office, which is the name.
    if c.name
        .as_deref()
        .is_some_and(|n| c.title.is_none() && is_organisation(n))
        && c.honorific.is_none()
    {
        // The office stands as the name; nothing to split.
    }
    for _ in 0..2 {
        let Some(next) = lines.front() else { break };
        if !is_organisation(next) || has_digit(next) {
            break;
        }
        let line = lines.pop_front().expect("a next line");
        // `Secretaría de Estado en el Despacho de Seguridad, Aldea el Ocotal`:
        // the part after the comma is a place, the start of the address.
        match line.rsplit_once(", ") {
            Some((org, place)) if !is_organisation(place) && c.organisation.is_none() => {
                c.organisation = Some(org.to_string());
                lines.push_front(place.to_string());
                break;
            }
            _ if c.organisation.is_none() => c.organisation = Some(line),
            _ => c.address.push(line),
        }
    }
    c.address.extend(
        lines
            .into_iter()
            .map(|l| l.trim_end_matches(',').to_string()),
    );
    take_emails_from_address(c);
}

/// A contact written as one line of comma-separated parts: `Her
/// Excellency, Petronila P. Garcia, Philippine Ambassador to Canada, 30
/// Murray St. Ottawa, Ontario, K1N 5M4 embassy@example.com`.
fn fill_run(c: &mut Contact, run: &[&str]) {
    let mut parts: Vec<String> = run.iter().map(|p| p.trim().to_string()).collect();
    if let Some(last) = parts.last_mut() {
        *last = last.trim_end_matches('.').to_string();
    }
    let mut at = 0;
    // `Her Excellency, Petronila P. Garcia`: the honorific on its own.
    if let Some(h) = HONORIFICS.iter().find(|h| parts[0] == **h) {
        c.honorific = Some(h.to_string());
        at = 1;
    }
    if at == 0 && is_title_line(&parts[0]) && parts.len() > 1 {
        // `Head of judiciary, Gholamhossein Mohseni Ejei c/o Embassy …`.
        c.title = Some(parts[0].clone());
        at = 1;
    }
    let Some(who) = parts.get(at).cloned() else {
        return;
    };
    at += 1;
    let (hon, rest) = strip_honorific(&who);
    if c.honorific.is_none() {
        c.honorific = hon.map(str::to_string);
    }
    match rest.split_once(" c/o ") {
        Some((name, care_of)) => {
            c.name = Some(name.trim().to_string());
            parts.insert(at, format!("c/o {}", care_of.trim()));
        }
        None => c.name = Some(rest.to_string()),
    }
    // `François-Philippe Champagne P.C, M.P.`: letters after the name.
    while let Some(p) = parts.get(at)
        && is_post_nominal(p)
    {
        let name = c.name.get_or_insert_with(String::new);
        name.push_str(", ");
        name.push_str(p);
        at += 1;
    }
    if c.title.is_none()
        && let Some(p) = parts.get(at)
        && !has_digit(p)
        && (is_title_ish(p) || !is_organisation(p))
    {
        c.title = Some(p.clone());
        at += 1;
    }
    if let Some(p) = parts.get(at)
        && is_organisation(p)
        && !has_digit(p)
    {
        c.organisation = Some(p.clone());
        at += 1;
    }
    let rest = parts[at.min(parts.len())..].join(", ");
    if !rest.is_empty() {
        c.address.push(rest);
    }
    take_emails_from_address(c);
}

/// `30 Murray St. Ottawa, K1N 5M4 embassy@example.com`: an address run
/// together with an email gives the email to the contact.
fn take_emails_from_address(c: &mut Contact) {
    for line in &mut c.address {
        let (found, _) = emails(line);
        if found.is_empty() {
            continue;
        }
        for e in &found {
            *line = line.replace(e.as_str(), " ");
            if !c.emails.contains(e) {
                c.emails.push(e.clone());
            }
        }
        *line = line
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches([',', ';'])
            .to_string();
    }
    c.address.retain(|l| !l.trim().is_empty());
}

/// A name, a title, an organisation and an address run together with
/// spaces: the name is the words before a title or an organisation's
/// word, the address starts at the first number.
fn who_in_one(c: &mut Contact, text: &str) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    // `Secretary Menardo I. Guevarra`, `Public Prosecutor Hamada al-Sawi`:
    // a title, then a name.
    if TITLE_WORDS.contains(&folded[0].as_str()) {
        for k in 1..words.len() {
            // A title ends on a word of its own, not on `de los`.
            if words[k - 1].chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let tail = words[k..].join(" ");
            if looks_like_name(&tail) {
                c.title = Some(words[..k].join(" "));
                c.name = Some(tail);
                return;
            }
        }
    }
    let org_at = (1..words.len()).find(|&i| {
        ORGANISATION_WORDS.contains(&folded[i].as_str())
            || (folded[i] == "permanent" && folded.get(i + 1).is_some_and(|w| w == "mission"))
    });
    let address_at = (1..words.len()).find(|&i| words[i].chars().any(|c| c.is_ascii_digit()));
    let name_end = [org_at, address_at]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(words.len());
    c.name = Some(words[..name_end].join(" "));
    if let Some(o) = org_at.filter(|&o| o == name_end) {
        let end = address_at.filter(|&a| a > o).unwrap_or(words.len());
        c.organisation = Some(words[o..end].join(" "));
    }
    if let Some(a) = address_at {
        c.address.push(words[a..].join(" "));
    }
}

/// The honorific a line starts with, longest first, as a whole word.
pub fn honorific(line: &str) -> Option<&'static str> {
    HONORIFICS.iter().copied().find(|h| {
        line.strip_prefix(h).is_some_and(|rest| {
            rest.starts_with([' ', ',']) && !rest.trim_start_matches([' ', ',']).is_empty()
        })
    })
}

/// An honorific and the rest of the line.
pub fn strip_honorific(line: &str) -> (Option<&'static str>, &str) {
    match honorific(line) {
        Some(h) => (
            Some(h),
            line[h.len()..].trim_start_matches([' ', ',']).trim(),
        ),
        None => (None, line.trim()),
    }
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// A line that names an organisation.
pub fn is_organisation(line: &str) -> bool {
    let f = fold(line);
    ORGANISATION_WORDS.iter().any(|w| {
        f.match_indices(w).any(|(at, _)| {
            f[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// A title standing before a name: it starts with a title's word.
pub fn is_title_line(line: &str) -> bool {
    let f = fold(line);
    let first = f.split_whitespace().next().unwrap_or("");
    TITLE_WORDS.contains(&first.trim_end_matches(',')) && !looks_like_name(line) && !has_digit(line)
}

/// A title after a name: a title's word among its first three words, and
/// no number (which an address has).
fn is_title_ish(line: &str) -> bool {
    let f = fold(line);
    !has_digit(line)
        && f.split_whitespace()
            .take(3)
            .any(|w| TITLE_WORDS.contains(&w.trim_end_matches(',')))
        && !looks_like_name(line)
}

/// `P.C`, `M.P.`, `QC`, `PhD`: letters after a name.
fn is_post_nominal(p: &str) -> bool {
    let letters: String = p.chars().filter(|c| c.is_alphabetic()).collect();
    !p.contains(' ')
        && (1..=5).contains(&letters.len())
        && (p.contains('.') || letters.chars().all(char::is_uppercase) || letters == "PhD")
}

/// Two to six capitalised words with no digits and no title's or
/// organisation's word: a person's name (`Julián Pacheco`, `Hamada
/// al-Sawi`, `Menardo I. Guevarra`).
pub fn looks_like_name(line: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "do", "dos", "das", "del", "la", "van", "von", "al", "bin", "ibn", "el", "y",
        "e", "der", "den", "le", "di", "du",
    ];
    let (_, stripped) = strip_honorific(line);
    let words: Vec<&str> = stripped.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !has_digit(stripped)
        && !stripped.contains(',')
        && !words
            .iter()
            .any(|w| ADDRESS_WORDS.contains(&fold(w).as_str()))
        && !is_organisation(stripped)
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            PARTICLES.contains(&lower.as_str())
                || ["al-", "el-", "bin-", "ibn-", "d'", "o'"]
                    .iter()
                    .any(|p| lower.starts_with(p))
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && !words
            .iter()
            .any(|w| TITLE_WORDS.contains(&fold(w).trim_end_matches(',')))
}

/// Words of street addresses, never of a person's name.
const ADDRESS_WORDS: &[&str] = &[
    "street",
    "avenue",
    "road",
    "boulevard",
    "square",
    "colonia",
    "calle",
    "avenida",
    "carrera",
    "plaza",
    "barrio",
    "rue",
    "place",
    "chemin",
    "rua",
    "avenida",
    "box",
    "building",
    "floor",
    "piso",
    "suite",
];

/// The contact's salutation, or the letter's when it has none.
pub fn greeted(c: &mut Contact, letter_salutation: Option<&str>) {
    if c.salutation.is_none()
        && let Some(s) = letter_salutation
    {
        c.salutation = Some(Salutation::One(s.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Vec<Contact> {
        let lines: Vec<(usize, &str)> = text.lines().enumerate().collect();
        read(&lines).into_iter().map(|r| r.contact).collect()
    }

    #[test]
    fn the_cecot_target_block() {
        let c = &block(
            "The Honorable Kristi Noem\nSecretary of Homeland Security\n\n\
             U.S. Department of Homeland Security\n2707 Martin Luther King Jr. Avenue, SE\n\
             Washington, DC 20528\nUSA\n\nEmail: dhssecretary@hq.dhs.gov",
        )[0];
        assert_eq!(c.honorific.as_deref(), Some("The Honorable"));
        assert_eq!(c.name.as_deref(), Some("Kristi Noem"));
        assert_eq!(c.title.as_deref(), Some("Secretary of Homeland Security"));
        assert_eq!(
            c.organisation.as_deref(),
            Some("U.S. Department of Homeland Security")
        );
        assert_eq!(
            c.address,
            [
                "2707 Martin Luther King Jr. Avenue, SE",
                "Washington, DC 20528",
                "USA"
            ]
        );
        assert_eq!(c.emails, ["dhssecretary@hq.dhs.gov"]);
    }

    #[test]
    fn a_title_before_an_honorific_name_and_a_village_after_the_office() {
        let c = &block(
            "Minister of Security\nGeneral de División Julián Pacheco\n\
             Secretaría de Estado en el Despacho de Seguridad, Aldea el Ocotal\n\
             Tegucigalpa, Honduras\nEmail: a@seguridad.example.hn b@seguridad.example.hn",
        )[0];
        assert_eq!(c.honorific.as_deref(), Some("General de División"));
        assert_eq!(c.name.as_deref(), Some("Julián Pacheco"));
        assert_eq!(c.title.as_deref(), Some("Minister of Security"));
        assert_eq!(
            c.organisation.as_deref(),
            Some("Secretaría de Estado en el Despacho de Seguridad")
        );
        assert_eq!(c.address, ["Aldea el Ocotal", "Tegucigalpa, Honduras"]);
        assert_eq!(
            c.emails,
            ["a@seguridad.example.hn", "b@seguridad.example.hn"]
        );
    }

    #[test]
    fn a_cc_block_of_runs() {
        let cs = block(
            "The Honourable François-Philippe Champagne P.C, M.P., Minister of Foreign Affairs.\n\
             Email: Francois-Philippe.Champagne@parl.gc.ca\n\n\
             Mr. Peter Lundy, Director-General for South/East Asia, Global Affairs Canada.\n\
             Email: Peter.Lundy@international.gc.ca\n\n\
             Her Excellency, Petronila P. Garcia, Philippine Ambassador to Canada, 30 Murray St. Ottawa, Ontario, K1N 5M4 embassyofphilippines@rogers.com",
        );
        assert_eq!(cs.len(), 3);
        assert_eq!(cs[0].honorific.as_deref(), Some("The Honourable"));
        assert_eq!(
            cs[0].name.as_deref(),
            Some("François-Philippe Champagne P.C, M.P.")
        );
        assert_eq!(cs[0].title.as_deref(), Some("Minister of Foreign Affairs"));
        assert_eq!(cs[1].name.as_deref(), Some("Peter Lundy"));
        assert_eq!(
            cs[1].title.as_deref(),
            Some("Director-General for South/East Asia")
        );
        assert_eq!(cs[1].organisation.as_deref(), Some("Global Affairs Canada"));
        assert_eq!(cs[2].honorific.as_deref(), Some("Her Excellency"));
        assert_eq!(cs[2].name.as_deref(), Some("Petronila P. Garcia"));
        assert_eq!(
            cs[2].title.as_deref(),
            Some("Philippine Ambassador to Canada")
        );
        assert_eq!(cs[2].address, ["30 Murray St. Ottawa, Ontario, K1N 5M4"]);
        assert_eq!(cs[2].emails, ["embassyofphilippines@rogers.com"]);
    }

    #[test]
    fn a_whole_contact_on_one_line() {
        let c = &block(
            "H.E. Majid Takht Ravanchi Permanent Mission of the Islamic Republic of Iran 622 Third Avenue, 34th Floor New York, NY 10017 Phone: 212 687-2020 I Fax: 212 867 7086 Email: [email protected] , [email protected] Twitter: @Iran_UN , @TakhtRavanchi Salutation: Dear Ambassador",
        )[0];
        assert_eq!(c.honorific.as_deref(), Some("H.E."));
        assert_eq!(c.name.as_deref(), Some("Majid Takht Ravanchi"));
        assert_eq!(
            c.organisation.as_deref(),
            Some("Permanent Mission of the Islamic Republic of Iran")
        );
        assert_eq!(
            c.address,
            ["622 Third Avenue, 34th Floor New York, NY 10017"]
        );
        assert_eq!(c.phone, ["212 687-2020"]);
        assert_eq!(c.fax, ["212 867 7086"]);
        assert!(c.emails.is_empty());
        assert_eq!(
            c.salutation,
            Some(Salutation::One("Dear Ambassador".into()))
        );
    }

    #[test]
    fn comma_ended_lines_and_a_title_with_the_name() {
        let c = &block(
            "Secretary Menardo I. Guevarra,\n\nDepartment of Justice,\n\nDOJ Building,\n\
             Padre Faura Street,\n\nManila 1000,\n\nEmail: communications@doj.gov.ph",
        );
        assert_eq!(c.len(), 1);
        let c = &c[0];
        assert_eq!(c.title.as_deref(), Some("Secretary"));
        assert_eq!(c.name.as_deref(), Some("Menardo I. Guevarra"));
        assert_eq!(c.organisation.as_deref(), Some("Department of Justice"));
        assert_eq!(
            c.address,
            ["DOJ Building", "Padre Faura Street", "Manila 1000"]
        );
    }

    #[test]
    fn several_contacts_split_at_salutations_and_new_names() {
        let cs = block(
            "Governor of Rio de Janeiro State\nSérgio Cabral\nPalácio Guanabara\n\
             Rua Pinheiro Machado, s/n\nFax: +55 21 2334 3313\n\
             Salutation: Dear Governor/Exmo. Sr. Governador\n\n\
             Secretary of Justice\nAna Souza\nRua X, 10\nEmail: a@x.org, b@y.org\n",
        );
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].name.as_deref(), Some("Sérgio Cabral"));
        assert_eq!(
            cs[0].title.as_deref(),
            Some("Governor of Rio de Janeiro State")
        );
        assert_eq!(cs[0].organisation.as_deref(), Some("Palácio Guanabara"));
        assert_eq!(cs[0].address, ["Rua Pinheiro Machado, s/n"]);
        assert_eq!(cs[0].fax, ["+55 21 2334 3313"]);
        assert!(matches!(cs[0].salutation, Some(Salutation::ByLanguage(_))));
        assert_eq!(cs[1].emails, ["a@x.org", "b@y.org"]);
    }
}

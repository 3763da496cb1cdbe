# What appeal's commands say and print as labels, in English: the source
# every other language follows.

## Shared by several commands
command-writing-stdout = writing to stdout
command-writing = writing { $path }
command-not-a-language-tag = `{ $tag }` is not a language tag (e.g. `es`)
interrupt-cancelled = cancelled
deadline-today-invalid = APPEAL_TODAY=`{ $value }` is not a date like 2026-11-28: { $error }

## appeal list: the table's column headers, and a title shown untranslated
list-id = ID
list-title = TITLE
list-deadline = DEADLINE
list-languages = LANGUAGES
list-last-written = LAST WRITTEN
list-not-translated = { $title } ({ $lang }, not translated)
list-shadows = { $from } (in place of the built-in)

## appeal history: the table's column headers, then messages
history-date = DATE
history-action = ACTION
history-to = TO
history-form = FORM
history-where = WHERE
# A batch run in the WHERE column; $output is a folder, or stdout.
history-batch = { $count ->
    [one] 1 letter
   *[other] { $count } letters
 } from { $input } to { $output }
history-empty = no letters recorded yet
history-empty-at = no letters recorded yet in { $path }
history-no-record = there is no record { $number } in the history (see `appeal history`)
history-no-letter-batch = record { $number } has no letter to show: a batch run keeps no letters
history-no-letter-not-kept = record { $number } has no letter to show: its text was not kept (`history: text: false` in the config)
history-forget-both = --forget takes an action or --all, not both
history-forget-what = --forget needs an action (appeal history --forget cecot) or --all
history-nothing-to-forget = the history is empty: nothing to forget
history-forgot = forgot { $count ->
    [one] 1 record
   *[other] { $count } records
}
history-forgot-action = forgot { $count ->
    [one] 1 record
   *[other] { $count } records
 } for `{ $action }`
# When compose notices an earlier letter: "You wrote to Kristi Noem for
# this action on 29 November 2026 (txt)". $date follows date-pattern; $form
# is txt, eml, pdf or mailto.
history-earlier = You wrote to { $target } for this action on { $date } ({ $form })
history-earlier-batch = You wrote to { $target } for this action on { $date } (a batch of { $count }, { $form })
history-not-recorded = { $error }; the letter was delivered but not recorded
history-batch-not-recorded = { $error }; the letters were delivered but the batch was not recorded
# $column is list-last-written.
history-last-written-unknown = { $error }; the { $column } column is left empty
history-no-data-folder = this system has no data folder
history-open-failed = the history could not be opened: { $error }
history-failed = the history could not be read or written: { $error }
history-is-link = it is a symbolic link, which the history never follows: move it aside
history-not-a-file = it is not a regular file (a pipe or a device, perhaps): move it aside

## appeal remind
remind-none-open = no action is open: every deadline has passed (see `appeal list`)
remind-passed = the deadline for `{ $id }` was { $date }: there is nothing left to remind you of
remind-no-deadline = `{ $id }` has no deadline: there is nothing to remind you of
remind-wrote = wrote { $path } with { $count ->
    [one] 1 reminder
   *[other] { $count } reminders
}
remind-skipped = { $error }; skipped

## appeal new, man, completions, preview
new-wrote = wrote { $path }; fill in every [PLACEHOLDER] and TODO, then run `appeal check { $path }`
new-bad-id = `{ $id }` can't be an action id: use lower-case letters, digits, `-` and `_` (it becomes the file name)
man-wrote = wrote the manual pages to { $path }
man-folder-failed = the folder could not be made: { $error }
man-making = making the manual page
completions-making = making the completion script
preview-watching = (watching for changes; Ctrl-C to stop)
preview-watch-embedded = --watch needs an action file on disk; `{ $id }` is built into appeal (pass a path, or use --actions-dir)
preview-fallback = note: there is no letter in `{ $requested }`; showing `{ $chosen }`

## appeal import: what was read, a fact a line
import-read = read { $name }: { $layout }
# The layouts keep the headings documents use, in English.
import-layout-current = the current layout (URGENT ACTION, TAKE ACTION)
import-layout-labelled = the labelled 2017 template (URGENT ACTION TITLE:)
import-layout-older = the older layout (UA: N/YY Index: …, PLEASE WRITE IMMEDIATELY)
import-format-text = text file
import-format-html = web page
import-format-docx = Word document
import-format-odt = OpenDocument text
import-format-email = saved e-mail
import-format-pdf = PDF
import-shape-letter = a model letter with the addresses it goes to
import-shape-appeal = an appeal without a model letter (addresses or points to ask for)
import-no-action = holds no urgent action appeal could read: no model letter (a salutation such as "Dear …" or "Estimado …" to a closing such as "Yours sincerely" or "Atentamente"), no official to write to (a name with an address, an email or a fax), and no points to ask for (bullets after "Please write immediately")
import-json-and-stdout = --json prints the account of the import on stdout: give -o PATH for the action file, not -o -
import-id-taken = the id `{ $id }` is already the action in { $existing }; writing { $path } would hide it. Give the import another id with --id ID, or --force to replace it
import-left-out = { $count ->
    [one] 1 line left out ({ $reasons }); `--json` lists it
   *[other] { $count } lines left out ({ $reasons }); `--json` lists each
}
import-faxes = { $count ->
    [one] 1 fax
   *[other] { $count } faxes
}
import-hidden-email = the page hid the email addresses of { $name } ("[email protected]"): take them from the page in a browser
import-other-archive = is a zip archive, but neither a Word (.docx) nor an OpenDocument (.odt) text
import-damaged = could not be read as a { $format }: { $error }
import-swells = is a { $format } with a part that inflates past { $mib } MiB; appeal refuses it
import-too-much-text = gives more than { $mib } MiB of text; appeal refuses it
import-too-deep = is a page whose elements nest more than { $max } deep; appeal refuses it
import-unsafe = could not be read safely as a { $format } ({ $why }); nothing was written
import-unsafe-time = its reader took longer than { $seconds } seconds
import-unsafe-memory = its reader needed more than { $mib } MiB of memory
import-unsafe-crash = its reader crashed on it
import-unsafe-start = the reader could not be started
import-no-reader = { $reader }, which reads this { $format }, is not installed beside appeal: { $path } is missing (`cargo install` puts both programs in the same folder)
import-title = title: { $title }
import-reference = reference: { $reference }
import-issued = issued: { $date }
import-deadline = deadline: { $date }
import-deadline-text = deadline (not a date): { $text }
import-languages = languages: { $languages }
import-languages-own = languages: { $languages }, or one's own
# $details: import-emails, then import-salutation or import-salutation-in, joined by commas.
import-target = target: { $name } ({ $details })
import-copy = copy to: { $name } ({ $details })
import-no-name = no name
import-emails = { $count ->
    [0] no email
    [one] 1 email
   *[other] { $count } emails
}
import-salutation = salutation
import-salutation-in = salutation in { $languages }
# Two language tags of a salutation: "en and es".
import-and = { $first } and { $second }
import-letter = model letter ({ $lang }): { $count ->
    [one] 1 paragraph
   *[other] { $count } paragraphs
}
import-points = { $count ->
    [one] 1 point to ask for
   *[other] { $count } points to ask for
}
import-points-only = { $count ->
    [one] 1 point to ask for
   *[other] { $count } points to ask for
 }, no model letter
import-background = background: { $count ->
    [one] 1 paragraph
   *[other] { $count } paragraphs
}
import-people = people: { $people }
import-previous = previous action: { $reference }
import-cut-short = the document ends mid-sentence ("…{ $end }"): it may have been cut short, so what it lacks may be in the full document

## appeal import: what was written, and documents it can't read
import-wrote = wrote { $path } (action `{ $id }`)
import-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
 } to fix ({ $placeholders ->
    [one] 1 placeholder
   *[other] { $placeholders } placeholders
 } left to fill in); then run `appeal check { $path }`
import-ready = the action is ready: `appeal show { $id }`, `appeal compose { $id }`
import-not-yaml = { $path }: an action file's name ends in .yaml
import-no-data-folder = no data folder is known for imported actions; give -o PATH
import-folder-failed = { $path }: can't create the folder: { $error }
import-is-folder = is a folder, not a document
import-too-large = is larger than { $size } KiB; appeal refuses documents above that size
import-not-text = is neither a PDF nor UTF-8 text (invalid byte at offset { $offset })
import-binary = is a binary file, not a document
import-empty = is empty
import-no-text-layer = has no text layer to read (a scanned PDF needs OCR first)
import-pdf-too-many-pages = has { $pages } pages; appeal reads documents of at most { $max }
import-pdf-encrypted = is an encrypted PDF; save an unprotected copy (or its text) and import that

## compose with --batch
batch-written = { $count ->
    [one] 1 letter written
   *[other] { $count } letters written
}
batch-written-to = { $count ->
    [one] 1 letter written
   *[other] { $count } letters written
 } to { $path }
batch-rescued = { $count } kept in the rescue folder
batch-failed = { $count ->
    [one] 1 row failed
   *[other] { $count } rows failed
}
batch-fell-back = { $count } in `{ $lang }` for want of a letter in the language asked
batch-row = row { $number }: { $message }
batch-stdout-failed = writing to stdout failed: { $error }
batch-starting-pdf = starting the PDF
batch-making-pdf = making the PDF
# The progress bar's message, and its times ($elapsed and $eta are filled in as it runs).
batch-progress = { $count ->
    [one] 1 letter
   *[other] { $count } letters
}
batch-progress-time = { $elapsed }, { $eta } left

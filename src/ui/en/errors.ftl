# appeal's error messages in English: the source every other language follows.
# Each is printed on stderr as `appeal: MESSAGE`.
# Paths, field names, flags, YAML keys and code between backticks are what
# the writer types: they stay as they are in every language.

## What went wrong, and where
error-field = { $path }: field `{ $field }`: { $message }
error-unknown-action = unknown action `{ $id }`; the actions are: { $actions } (see `appeal list`)
error-unknown-action-suggest = unknown action `{ $id }` (did you mean `{ $suggestion }`?); the actions are: { $actions } (see `appeal list`)
error-template = { $path }: { $at }, line { $line }, column { $column }: { $message }
error-delivery = { $reason }; the letter was saved to { $saved }
error-delivery-unsaved = { $reason }; the letter could not be saved anywhere either ({ $error })
error-delivery-unsaved-shown = { $reason }; the letter could not be saved anywhere either ({ $error }); it was printed on stdout instead
error-rescued = { $count ->
    [one] { $reason }; { $count } letter was saved to { $saved } instead
   *[other] { $reason }; { $count } letters were saved to { $saved } instead
}
error-stopped = { $count ->
    [one] { $reason }; { $count } letter was written before it stopped
   *[other] { $reason }; { $count } letters were written before it stopped
}
error-interrupted = cancelled
error-rows-failed = { $count ->
    [one] { $count } row of the batch could not be turned into a letter (reported above)
   *[other] { $count } rows of the batch could not be turned into letters (reported above)
}
error-check-failed = { $count ->
    [one] { $count } error found
   *[other] { $count } errors found
}
error-unreadable = { $count ->
    [one] one action file could not be read (named above); the others were listed
   *[other] { $count } action files could not be read (named above); the others were listed
}

## Reading YAML
yaml-missing-field = missing required field `{ $field }`
yaml-unknown-field = unknown field `{ $field }`; expected one of { $expected }
yaml-field = field `{ $field }`: { $message }

## Action and translation files
action-empty = must not be empty
action-translation-empty = must not be empty (leave it out to show the source's)
action-address-empty = needs at least one line
action-unreachable = needs a way to reach it: a postal address, an email or a fax
action-too-many-entries = lists more than { $max } entries
action-not-email = `{ $value }` is not an email address
action-not-phone = `{ $value }` is not a telephone number
action-salutation-no-language = needs at least one language
action-salutation-not-tag = is not a language tag (expected e.g. `en`)
action-target-and-targets = both `target:` (line { $target }) and `targets:` (line { $targets }) are given; keep one: `targets:` lists every official
action-no-target = needs at least one official to write to (or a `target:` mapping for one)
action-too-many-recipients = lists { $count } entries; at most { $max } are read
action-accepted-not-tag = `{ $tag }` is not a language tag (expected e.g. `pt`)
action-preferred-not-tag = `{ $tag }` is not a language tag (expected e.g. `en`)
action-letter-not-tag = is not a language tag (expected e.g. `en` or `pt-BR`)
action-letter-twice = names the same language as another letter (`{ $tag }`): a reviewer would see one and readers get the other; keep one
action-no-letter = needs at least one model letter (`letters.LANG`)
action-refused-char = holds { $what }; such characters can hide text or change what a terminal shows, so they are refused
action-refused-char-at = holds { $what } at line { $line }, column { $column } of the text; such characters can hide text or change what a terminal shows, so they are refused
action-file-name-not-tag = `{ $tag }` in the file name is not a language tag (expected e.g. `es` or `pt-BR`)
action-hidden-bidi = an invisible bidirectional-text control ({ $code }); such characters can hide or reorder text, so they are refused
action-number-in-quotes = this is read as a number: write it in quotes, as in "+52 55 1234 5678", so that no leading 0 or + is lost
action-more-than-entries = more than { $max } entries
action-language-twice = the language `{ $tag }` is given twice
action-not-a-date = `{ $text }` is not a date; write it as YYYY-MM-DD, e.g. 2025-07-01
action-bad-date-format = `{ $format }` cannot write a date: it has a `%` specifier that strftime does not know or that needs a time (write `%%` for a `%` sign)

## Finding and reading action files
library-too-many = action `{ $id }` and its translations pass the limit of { $files } files or { $mib } MiB in all; appeal refuses to read more
library-folder-capped = { $folder } holds more than { $max } files: only the first { $max } are read
library-not-yaml = is not an action file (expected a name ending in .yaml)
library-is-folder = is a folder, not an action file
library-no-file = no such file
library-bad-id = its name can't be an action's id (`{ $id }`): an id has no spaces, dots, control or invisible characters
library-no-action = is a translation, but its action `{ $file }` is not beside it in { $folder }
library-too-large = is larger than { $max } KiB; appeal refuses files above that size
library-not-utf8 = is not UTF-8 text (invalid byte at offset { $offset })

## Characters refused in text from outside
text-control = a control character ({ $code })
text-line-break = a line break ({ $code }) in a field of one line
text-bidi = an invisible bidirectional-text control ({ $code })
text-tag = an invisible tag character ({ $code })
text-separator = a line separator ({ $code })
text-invisible = an invisible character ({ $code })
text-refused = contains { $what } at line { $line }, column { $column }; such characters can hide or reorder text, so they are refused

## Model letters and their templates
template-too-long = the letter would be longer than { $max } KiB; a template may write no more
template-too-big = is { $size } KiB; a model letter may be at most { $max } KiB
template-block-too-big = has a block of { $size } KiB; a block of a letter may span at most { $max } KiB
template-too-deep = nests blocks or parentheses more than { $max } deep; a letter needs far fewer
template-inline-partial = an inline partial or decorator (`{ $code }`) has no place in a letter
template-partial = a partial (`{ $code }`) has no place in a letter
template-whitespace-control = whitespace control (`{ $code }`) has no place in a letter
template-raw-block = a raw block (`{ $code }`) has no place in a letter
template-element = this template element has no place in a letter
template-calls-helper = `{ $tag }` calls a helper; a letter uses variables, `if`, `unless` and `each` only
template-helper-not-variable = `{ $name }` is a helper, not a variable
template-unknown-block = `{ $tag }`: a letter's blocks are `if`, `unless` and `each`, not `{ $name }`
template-one-variable = `{ $tag }` takes one variable
template-one-variable-only = `{ $tag }` takes one variable, nothing more
template-each-lists = `{ $tag }`: `each` goes through one of the letter's lists: { $lists }
template-each-depth = `{ $tag }`: `each` nests at most { $max } deep
template-unknown-variable = unknown variable `{ $name }` (see actions/README.md for the variables)
template-syntax = invalid template syntax: an unclosed `{ $block }` block, or a stray `{ $open }` or `{ $close }`?
template-no-language = action `{ $id }` has no letter in `{ $lang }`; available: { $available }
template-no-target = { $count ->
    [one] action `{ $id }` has { $count } target; there is no target { $target }
   *[other] action `{ $id }` has { $count } targets; there is no target { $target }
}

## Where a letter goes
delivery-stdout-failed = writing to stdout failed: { $error }
delivery-exists = { $path } already exists; not overwritten (use --force to replace it)
delivery-not-written = { $path } could not be written: { $error }
delivery-is-folder = is a directory; give a file name
delivery-cannot-write-in = { $folder } can't be written in: { $error }
delivery-no-rescue-folder = no rescue folder
delivery-not-private = { $folder } is not a private folder of this user's (a link, another user's, or open to others)
delivery-too-many-unsent = too many unsent letters with the same name
delivery-out-dir-is-file = is a file, not a folder (--out-dir wants a folder)
delivery-folder-not-made = the folder { $folder } could not be made: { $error }
delivery-not-kept = { $reason }; nor could it be kept ({ $error })
delivery-not-kept-in = { $reason }; nor could it be kept in { $folder }: { $error }
delivery-clipboard-no-display = no clipboard: neither DISPLAY nor WAYLAND_DISPLAY is set
delivery-clipboard-not-opened = the clipboard could not be opened: { $error }
delivery-clipboard-helper = the clipboard helper could not start: { $error }
delivery-clipboard-refused = the clipboard refused the letter: { $error }
delivery-clipboard-timeout = the clipboard did not take the letter within { $seconds } seconds

## A letter's form
form-long-link = the mailto link is { $length } characters long; many mail clients cut links after about { $safe }: use --clipboard or -o letter.eml instead
form-making-eml = making the email draft
form-making-pdf = making the PDF
form-page-size = the page size { $width }×{ $height } pt is not valid
form-font-unreadable = the embedded font DejaVu Sans could not be read
form-font = a font could not be embedded: { $reason }
form-pdf-failed = the PDF could not be written: { $error }

## Batch files, row by row
batch-row-header = the header row could not be read: { $error }
batch-row-too-many-columns = has { $count } columns; a batch file may have at most { $max }
batch-row-no-name-column = has no `name` column; its header row is: { $header }
batch-row-unreadable = could not be read: { $error }
batch-row-missing = has no { $field }
batch-row-unequal = { $count ->
    [one] has { $count } field, but the header has { $columns } (a stray comma or an unclosed quote?)
   *[other] has { $count } fields, but the header has { $columns } (a stray comma or an unclosed quote?)
}
batch-row-not-utf8 = is not UTF-8 text
batch-row-not-json = is not valid JSON: { $error }
batch-row-not-object = is not a JSON object
batch-row-too-many-fields = has { $count } fields; a row may have at most { $max }
batch-row-not-text = field `{ $key }` must be text, not a list or object
batch-row-too-long = is longer than { $max } KiB; a row is one signer, and no signer needs that much
batch-row-same-field = `{ $first }` and `{ $second }` are the same field (`{ $field }`); keep only one of them

## appeal compose: flags that don't go together
plan-batch-only = { $flag } goes with --batch FILE; for a single letter use -o FILE
plan-clipboard-text = --clipboard takes text; write the { $form } to a file with -o
plan-open-needs-file = --open needs a file (-o letter.eml) or --mailto
plan-pdf-terminal = a PDF can't be shown in a terminal: give a file, -o { $file }
plan-no-file-name = no file name was given
plan-batch-format = can't tell the format of { $path }: name it .csv or .jsonl, or pass --batch-format
plan-duplex = --duplex goes with one PDF of several letters: -o letters.pdf
plan-jsonl-text = --jsonl carries the letters as text: leave out --format { $form }
sheaf-too-large = the letters come to more than { $max } MiB, too many for one file: write them to stdout, or one file each with --out-dir DIR
plan-format-needs-folder = an { $form } file holds one letter: for several, add --out-dir DIR
plan-open-batch = --open goes with a single letter, not --batch

## appeal compose: one letter
compose-remembered-ignored = { $error }; ignoring the remembered settings
compose-type-note = Type your note, then press Ctrl-D on a line of its own.
compose-own-words = this action asks you to write in your own words; ask the authorities to:
compose-no-such-target = { $count ->
    [one] --target { $given }: this action has { $count } target: { $targets } (or `all`)
   *[other] --target { $given }: this action has { $count } targets: { $targets } (or `all`)
}
compose-kept-in = your letter was kept in { $path }
compose-clipboard-one = the clipboard holds one letter: choose one target with --target N, or write one file per letter with --out-dir DIR
compose-open-failed = could not open it with the desktop's program: { $error }

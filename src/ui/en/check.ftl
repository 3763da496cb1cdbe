# What `appeal check` reports about action and message files, in English:
# the source every other language follows.

## The summary, on stderr
check-summary = { $actions ->
    [one] 1 action
   *[other] { $actions } actions
 } checked in { $files ->
    [one] 1 file
   *[other] { $files } files
 }: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
 }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}

## What an author left to do
check-field = field `{ $field }`: { $message }
check-placeholder = `{ $marker }` is a placeholder left to fill in
check-todo = a TODO is left: `{ $text }`
check-invisible = an invisible character ({ $code }) stands inside a Latin word: Latin text never needs one, and it can hide a word from a search
check-deadline-passed = the deadline { $date } has passed

## Recipients
check-posted-only = `{ $at }` has no email, fax or phone: letters to { $name } can only be posted
check-preferred-no-letter = the target prefers `{ $lang }`, and no model letter is in it: writers get the `{ $source }` one; a translator could add `{ $file }` (subject and body, as in the other translation files)
check-no-salutation = `{ $at }` has no salutation, and the `{ $lang }` letter uses `{"{{"}target.salutation{"}}"}`
check-salutation-unused = `{ $at }.salutation.{ $lang }`: there is no letter in `{ $lang }` to use it
check-salutation-missing = `{ $at }.salutation` has no `{ $lang }` text: letters in { $lang } open with `{ $salutation }`

## Model letters
check-unknown-variable = { $at }: unknown variable `{ $variable }` in `{ $tag }`; (see actions/README.md for the variables)
check-unknown-variable-hint = { $at }: unknown variable `{ $variable }` in `{ $tag }`; did you mean `{ $suggestion }`? (see actions/README.md for the variables)

## Translations, held against their source ($source is its language tag)
check-text-untranslated = { $field }: the same as in the source ({ $source }): not translated yet?
check-not-translated = not translated: { $fields }; `appeal show --lang { $lang }` shows them in { $source }
check-background-paragraphs = background: { $count ->
    [one] 1 paragraph
   *[other] { $count } paragraphs
 }, but the source ({ $source }) has { $expected }: translate each paragraph as one, separated by blank lines
check-tag-missing = { $at }: `{ $tag }` is in the source letter ({ $source }) but not in this translation
check-tag-extra = { $at }: `{ $tag }` is not in the source letter ({ $source })
check-letter-paragraphs = { $at }: { $count ->
    [one] 1 paragraph
   *[other] { $count } paragraphs
 }, but the source letter ({ $source }) has { $expected }
check-paragraph-untranslated = { $at }: this paragraph is the same as in the source letter ({ $source }): not translated yet?
check-subject-untranslated = subject: the same as in the source letter ({ $source }): not translated yet?

## Facts a translation must keep
check-facts-lost = { $place }: the source ({ $source }) says { $facts }, which this translation does not: keep every number, date, email address and link
check-paragraph = { $field }, paragraph { $number }
check-fact-number = the number { $number }
# A full date, written as date-pattern says.
check-fact-date = the date { $date }
# A date without its year; $day is a number, $month a name.
check-fact-day-month = the date { $day } { $month }
check-fact-month-year = the date { $month } { $year }
check-fact-email = the email address { $address }
check-fact-url = the URL { $url }

## The interface's own message files
check-ftl-not-fluent = not a Fluent file: { $error }
check-ftl-missing = `{ $id }` is missing (English: `{ $english }`)
check-ftl-variables = `{ $id }` uses {"{"}{ $theirs }{"}"}, but English uses {"{"}{ $english }{"}"}
check-ftl-untranslated = `{ $id }` is the same as in English: not translated yet?
check-ftl-reference = `{ $id }` uses { $references }: each message file is read on its own, so a message can use only variables
check-ftl-too-deep = nests placeables or calls more than { $max } deep; a message needs far fewer

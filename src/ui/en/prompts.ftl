# appeal's questions and menus in English: the source every other language follows.
# Each is asked on stderr, in a prompt or as a plain line (--plain-prompts).

## The writer's answers
ask-name = Your name (as it goes under the letter)
ask-target = Whom to write to
ask-lang = Language of the letter
ask-note = Personal note
ask-city = Your city (optional)
ask-country = Your country (optional)

## The letter's language
lang-preferred = { $language }, preferred by the target
lang-preferred-no-letter = The target prefers { $language }, but this action has no model letter in it: the { $chosen } model is offered first. If you can write in { $language }, in your own words, please do.
lang-other = another language…
lang-typed = Language, by name or code (for example Deutsch, de, pt-BR)

## Several targets
target-each = Each of them, one letter per target

## The personal note
note-why = A few words of your own make a letter count: identical letters are often filtered out.
note-here = Write a short note here
note-editor = Write several paragraphs in my editor
note-none = No personal note
note-prompt = Your note
note-edit-again = { $error }; please edit it again
note-editor-unsaved = The editor closed without saving; no note added.

## Where the letter goes
place-ask = Where should the letter go?
place-print = Print it here
place-text-file = Save it to a text file
place-clipboard = Copy it to the clipboard
place-email-draft = Save it as an email draft (.eml) and open it
place-pdf = Save it as a printable PDF
place-mail-link = Open it in my mail program (mailto: link)
place-file-name = File name
place-replace = { $path } exists. Replace it?
preview-more = … ({ $count ->
    [one] 1 more line
   *[other] { $count } more lines
}) …

## Remembering the writer's details
remember-ask = Remember your name, place and language for next time?
remember-ask-in = Remember your name, place and language for next time (in { $path })?
remember-done = Remembered in { $path }.
remember-failed = could not remember your details: { $error }

## Answering
prompt-type-something = please type something
prompt-doing-editor = starting the editor
prompt-doing-terminal = reading the terminal
# Plain prompts: a question that takes a line of text, with its default.
prompt-line = { $question }:
prompt-line-default = { $question } [{ $default }]:
prompt-too-long = That line is too long; please type it again.
prompt-not-utf8 = That was not UTF-8 text; please type it again.
# Plain prompts: the line that asks for a choice's number.
prompt-number = Type a number from 1 to { $count } [{ $default }]:
prompt-not-a-choice = “{ $typed }” is not one of the choices: type a number from 1 to { $count }.
prompt-yes-no-default-yes = [Y/n]:
prompt-yes-no-default-no = [y/N]:
# Words accepted as yes and as no, besides y and n, separated by spaces.
prompt-yes-answers = y yes
prompt-no-answers = n no
prompt-yes-or-no = Please answer y (yes) or n (no).
prompt-yes = yes
prompt-no = no

## Answers given without a question
answer-from-config = the remembered settings
answer-missing = no value for { $flag }: pass { $flag } (there is no terminal to ask on)
answer-missing-or-env = no value for { $flag }: pass { $flag } or set { $env } (there is no terminal to ask on)
answer-not-a-target = { $what }: `{ $value }` is not a target; give its number (1, 2, …, as `appeal show` lists them) or `all`
answer-not-a-language = { $what }: `{ $value }` is not a language tag; use a code such as en, es or pt-BR
answer-empty = { $what } must not be empty
config-doing-remember = remembering your details
config-no-folder = this system has no config folder

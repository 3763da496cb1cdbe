# appeal's interface in English: the source every other language follows.
# Each message is shown on stderr, or labels what `show` and `list` print.

## Every message
# The label before a warning on stderr: `appeal: warning: …`.
talk-warning = warning:

## Dates and deadlines
date-pattern = %-d %B %Y
deadline-left = { $days ->
    [0] last day
    [one] 1 day left
   *[other] { $days } days left
}
deadline-passed = { $days ->
    [one] passed yesterday
   *[other] passed { $days } days ago
}
deadline-none = no deadline
deadline-was = the deadline for this action was { $date }. { $advice }

## appeal show
show-write-to = Write to:
show-target = Target { $number }:
show-copy-to = Copy to:
show-copies = Copies:
show-email = Email:
show-fax = Fax:
show-phone = Phone:
show-deadline = Deadline:
show-language = Language:
show-languages = { $preferred } preferred; model letters in { $languages }
show-languages-no-letter = { $preferred } preferred, with no model letter in it: write in it if you can; model letters in { $languages }
show-languages-unstated = no preferred language stated; model letters in { $languages }
show-also-accepted = Also accepted: { $languages }.
show-own-language = You can also write in your own language.
show-for = For:
show-follows = Follows:
show-subject = Subject:
show-no-letter = (no letter in { $requested }: showing { $chosen })
show-shown-in = Shown in:
show-except = { $chosen }, except { $fields }: in { $source }, not translated yet
show-summary = Summary
show-points = What to ask for
show-background = Background
show-not-translated = { $heading } (in { $source }: not translated yet)

## appeal compose
compose-fallback = note: there is no model letter in `{ $requested }`; the letter is in `{ $chosen }`
compose-preferred-no-letter = note: the target prefers { $preferred }, and this action has no model letter in it, so the letter is in { $chosen }; if you can write in { $preferred }, in your own words, please do (--lang to choose)
compose-own-words-welcome = writing in your own language, in your own words, is welcome
compose-several-targets = note: this action has { $count } targets; this letter is to the first, { $name } (--target N for another, --target all for one letter to each)
compose-saved-eml = Saved the email draft to { $path }: open it in your mail program and press Send.
compose-saved-pdf = Saved the printable letter to { $path }.
compose-saved = Saved the letter to { $path }.
compose-copied = Copied the letter to the clipboard.
compose-send-to = Send it to { $emails } with the subject: { $subject }
compose-wrote = wrote { $path }

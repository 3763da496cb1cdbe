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

# What appeal says about signed action feeds (appeal feed, appeal update,
# and the feeds in list, compose and remind), in English: the source every
# other language follows.

## Feeds as they are kept
feed-bad-name = `{ $name }` can't be a feed's name: use lower-case letters, digits, `-` and `_`, at most { $max } of them
feed-exists = there is already a feed `{ $name }` (see `appeal feed list`); use --force to replace it
feed-unknown = there is no feed `{ $name }`; the feeds are: { $feeds }
feed-unknown-suggest = there is no feed `{ $name }`; did you mean `{ $close }`? (see `appeal feed list`)
feed-none = there is no feed `{ $name }`: no feed has been added (appeal feed add NAME SOURCE --key KEY)
feed-no-keys = no key is pinned: a feed needs at least one
feed-no-folder = this system has no folder for appeal's data
feed-doing-save = saving the list of feeds
feed-doing-remove = removing { $folder }
feed-left-out = { $error }; its feeds are left out
feed-folder-missing = { $folder } is not there now; `appeal update` will read it when it is (a drive or USB stick plugged in)

## appeal feed add: sources and keys
feed-source-bad-url = not a URL: { $error }
feed-source-query = a feed's address is its folder: it takes no `?` or `#`
feed-source-credentials = a feed's address takes no user name or password: a feed is public, and its signature is what protects it
feed-source-http = plain http:// is accepted only on the loopback address: anywhere else it shows everyone on the way which feed you follow, and lets them hold back its updates; use https://, or a folder
feed-source-bad-file-url = this file:// URL names no folder on this system
feed-source-scheme = `{ $scheme }:` is not a kind of feed source: use https://, file:// or a folder
feed-key-not-key = not a minisign public key (the line starting with RW) nor a file holding one
feed-key-file-no-key = this file holds no minisign public key (the line starting with RW)
feed-added = added feed `{ $name }` ({ $source }), signed with key { $keys }; run `appeal update { $name }` to fetch its actions
feed-removed = removed feed `{ $name }` and its copy of the actions; the history keeps your letters

## appeal feed list
feed-list-name = NAME
feed-list-source = SOURCE
feed-list-keys = KEYS
feed-list-updated = UPDATED
feed-list-actions = ACTIONS
feed-never = never

## appeal update
feed-update-none = no feeds yet: add one with `appeal feed add NAME SOURCE --key KEY`
feed-doing-update = updating feed `{ $feed }`
feed-doing-fetch = feed `{ $feed }`: fetching { $what }
# A file of a feed, in messages; $path is its URL or path.
feed-file = feed `{ $feed }`, { $path }
feed-update-unchanged = { $feed }: up to date (publication { $sequence })
feed-update-installed = { $feed }: publication { $sequence } installed
feed-update-installed-was = { $feed }: publication { $sequence } installed (was { $previous })
feed-update-new = new: { $id }
feed-update-updated = updated: { $id }
feed-update-closed = closed: { $id } (no more letters are wanted)
feed-update-removed = no longer in the feed: { $id }
# $date follows date-pattern.
feed-update-further = further information: `{ $id }` follows `{ $earlier }`, which you wrote for on { $date }
feed-update-kept = feed `{ $feed }` was not updated: its copy of { $date } (publication { $sequence }) is kept as it was
feed-update-nothing = feed `{ $feed }` was not updated: nothing was installed
feed-update-failed = { $count ->
    [one] 1 feed
   *[other] { $count } feeds
 } could not be updated

## Why a feed is refused
feed-signature-missing = there is no signature beside the index: an unsigned feed is refused
feed-signature-unreadable = is not a minisign signature
feed-signature-bad = the signature does not match index.json: the index was changed after it was signed, or damaged on the way
feed-signature-not-pinned = the index is signed with key { $signer }, which is not pinned for this feed (pinned: { $pinned }); if the section has a new key, add it with `appeal feed add NAME SOURCE --key OLD --key NEW --force`
feed-expired = this index expired on { $expires }: it may be an old copy served again; ask the section to publish again
feed-replayed = this index is publication { $sequence }, older than publication { $installed } already installed: an old index served again is refused
feed-sha-mismatch = the file's SHA-256 is { $found }, but the signed index says { $expected }
feed-too-large = the feed passes its limits ({ $feed_mib } MiB in all, { $action_mib } MiB for one action and its translations)
feed-fetch-missing = not found
feed-fetch-too-large = larger than { $kib } KiB: refused
feed-fetch-redirect = redirected to { $to }: a feed may not move to another scheme (https to http) or off the loopback address
feed-fetch-outside = a link to a file outside the feed's folder: refused
feed-fetch-not-file = not a regular file
feed-fetch-timeout = no answer within { $seconds } seconds: stopped (--timeout sets the limit)
feed-fetch-status = the server answered HTTP { $code }
feed-fetch-tls = the secure connection failed: { $error } (a certificate from your own authority is trusted through SSL_CERT_FILE)

## index.json, field by field
feed-index-not-json-feed = `{ $version }` is not a JSON Feed version (https://jsonfeed.org/version/1.1)
feed-index-format-version = this feed is in version { $found } of appeal's format; this appeal reads version { $known }: update appeal
feed-index-not-time = not a time in RFC 3339 form (2026-12-01T00:00:00Z)
feed-index-not-date = not a date like 2026-12-01
feed-index-too-many = more than { $max } actions: refused
feed-index-not-sha256 = not a SHA-256 in hex (64 characters from 0-9 and a-f)
feed-index-twice = appears twice
feed-index-id-long = an id longer than { $max } characters
feed-index-empty = is empty
feed-index-files-count = an action has its file, then at most { $max } files in all with its translations
feed-index-file-name = the files must be `{ $id }.yaml`, then `{ $id }.LANG.yaml`, in one folder
feed-index-bad-path = `{ $path }` may not be a path in a feed: it must stay inside the feed's folder (no `..`, nothing absolute, no `\`, `:` or part starting with `.`)

## Feeds in list, compose and remind
feed-list-from = FROM
feed-list-closed = closed
feed-from-file = file
feed-from-built-in = built-in
feed-from-actions-dir = --actions-dir
feed-from-imported = imported
feed-from-feed = feed { $feed }
# $date follows date-pattern.
feed-updated = feed `{ $feed }` was last updated on { $date } ({ $days ->
    [0] today
    [one] 1 day ago
   *[other] { $days } days ago
 })
# $said is feed-updated.
feed-stale = { $said }: run `appeal update { $feed }`
feed-not-fetched = feed `{ $feed }` has not been fetched yet: run `appeal update { $feed }`
feed-id-taken = `{ $shown }` is the feed's `{ $id }`: another action has the id `{ $id }`, and keeps it
feed-closed-warning = the feed `{ $feed }` has closed `{ $id }`: no more letters are wanted; the letter is written all the same
feed-remind-closed = the feed `{ $feed }` has closed `{ $id }`: there is nothing left to remind you of

## appeal feed keygen, appeal feed publish
feed-password = Password for the secret key
feed-password-again = The same password again
feed-password-mismatch = The passwords differ.
feed-password-wrong = the password is wrong for this key
feed-password-empty = no password given: type one, or use --no-password for a key without one
feed-doing-password = reading the password
feed-doing-keygen = making a key pair
feed-doing-sign = signing index.json
feed-keygen-wrote = wrote { $folder }/minisign.pub (give it to members) and { $folder }/minisign.key (keep it to yourself): key { $id }
feed-secret-not-key = not a minisign secret key
feed-bad-expiry = `{ $value }` is not a length of time like 30d, 12h or 2w
feed-publish-not-folder = is not a folder of action files
feed-publish-empty = holds no action file (ID.yaml)
feed-publish-out-not-feed = holds files but no feed (index.json); use --force to replace it
feed-publish-stopped = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
 }: nothing was published
feed-published = published { $count ->
    [one] 1 action
   *[other] { $count } actions
 } ({ $closed } closed) to { $out }: publication { $sequence }, signed with key { $id }, holds until { $expires }

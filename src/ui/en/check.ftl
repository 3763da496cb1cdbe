# What `appeal check` reports about action and message files, in English:
# the source every other language follows.

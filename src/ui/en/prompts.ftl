# appeal's questions and menus in English: the source every other language follows.
# Each is asked on stderr, in a prompt or as a plain line (--plain-prompts).

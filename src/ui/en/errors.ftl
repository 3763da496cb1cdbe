# appeal's error messages in English: the source every other language follows.
# Each is printed on stderr as `appeal: MESSAGE`.

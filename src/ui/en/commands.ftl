# What appeal's commands say and print as labels, in English: the source
# every other language follows.

"""The visit at run time: answers in memory, pairing of a second screen, anonymous statistics."""

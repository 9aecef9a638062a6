"""The wizard: which page comes next, conditions, repeating groups and the review of the answers."""

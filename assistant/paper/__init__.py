"""Paper output: answers to PDF values, the filled form, the receipt and printing."""

"""The form definition: form.yaml read, checked against its schema and turned into the form model."""

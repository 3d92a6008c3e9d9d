"""Errors a learner can cause. The core raises them with a message *key* and its parameters; the UI
layer turns the key into a sentence in the learner's language (ui/strings/*.py)."""


class UserInputError(ValueError):
    def __init__(self, key: str, **params):
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params

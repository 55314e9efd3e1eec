# Fixture external rule that reads its input and then crashes.
import sys

sys.stdin.read()
raise RuntimeError("lost the language model")

"""mock-interview: timed mock-interview practice in the terminal."""

from mock_interview.offline import keep_libraries_offline

__version__ = "0.1.0"

# Every entry point (the command line, the app, ``python -m mock_interview``) imports this package
# before anything that can load onnxruntime or the Hugging Face client, so this is the one place
# that keeps them quiet (see offline.py).
keep_libraries_offline()

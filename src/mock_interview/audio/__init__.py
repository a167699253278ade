"""Recording answers from the microphone (``sounddevice`` on PortAudio).

``sounddevice`` is imported lazily and only here: loading it fails when the PortAudio library is
missing, and that must degrade to typed answers with a message, never crash the app.
"""

"""Audio and streaming logic with fakes: resampling, crash-safe WAV files, cutting at pauses."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from mock_interview.audio import devices
from mock_interview.audio.wavfile import IncrementalWav, StreamResampler, read_wav, resample
from mock_interview.transcription.streaming import StreamingTranscriber, find_cut
from tests.fakes import FakeTranscriber, tone_with_pauses


def test_stream_resampler_matches_whole_signal_resampling():
    rate = 44100
    t = np.arange(rate * 2) / rate
    signal = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    resampler = StreamResampler(rate, 16000)
    pieces = [resampler.process(signal[i:i + 4410]) for i in range(0, signal.size, 4410)]
    streamed = np.concatenate(pieces)
    whole = resample(signal, rate, 16000)
    assert abs(streamed.size - whole.size) <= 2
    n = min(streamed.size, whole.size)
    assert np.max(np.abs(streamed[:n] - whole[:n])) < 1e-3


def test_incremental_wav_is_private_and_reads_back(tmp_path: Path):
    path = tmp_path / "audio" / "a.wav"
    wav = IncrementalWav(path)
    wav.write(np.full(16000, 0.25, dtype=np.float32))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    partial = read_wav(path)  # still open: the header is not final yet
    assert partial.size == 16000
    wav.write(np.zeros(8000, dtype=np.float32))
    wav.close()
    assert read_wav(path).size == 24000


def test_wav_of_a_killed_writer_reads_back(tmp_path: Path):
    path = tmp_path / "killed.wav"
    script = textwrap.dedent(f"""
        import os, signal, numpy as np
        from pathlib import Path
        from mock_interview.audio.wavfile import IncrementalWav
        wav = IncrementalWav(Path({str(path)!r}))
        for _ in range(30):
            wav.write(np.full(1600, 0.1, dtype=np.float32))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    assert read_wav(path).size == 30 * 1600


def test_find_cut_prefers_the_last_pause():
    audio = tone_with_pauses([(3, True), (0.6, False), (4, True), (0.6, False), (2, True)])
    cut = find_cut(audio, min_samples=5 * 16000, pause_samples=int(0.35 * 16000))
    assert cut is not None
    assert 7.6 * 16000 <= cut <= 8.2 * 16000  # inside the second pause (7.6 s to 8.2 s)


def test_streaming_cuts_at_pauses_and_offsets_word_times():
    fake = FakeTranscriber()
    updates = []
    stream = StreamingTranscriber(fake, on_update=updates.append, min_chunk=3, max_chunk=10)
    audio = tone_with_pauses([(4, True), (0.6, False), (4, True), (0.6, False), (4, True), (0.6, False), (1.5, True)])
    for start in range(0, audio.size, 1600):
        stream.feed(audio[start:start + 1600])
    transcript = stream.finish()
    assert len(fake.pieces) >= 3
    assert sum(fake.pieces) == audio.size
    assert all(piece < 11 * 16000 for piece in fake.pieces)
    starts = [w[1] for w in transcript.words]
    assert starts == sorted(starts) and starts[-1] > 8
    assert transcript.text.startswith("piece1") and updates


def test_missing_portaudio_is_a_message_not_a_crash(monkeypatch: pytest.MonkeyPatch):
    import builtins

    real_import = builtins.__import__

    def no_portaudio(name, *args, **kwargs):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_portaudio)
    with pytest.raises(devices.AudioUnavailable) as caught:
        devices.list_input_devices()
    assert "libportaudio2" in str(caught.value)


def test_bundled_model_resolves_and_unknown_names_explain(tmp_path: Path):
    from mock_interview.transcription.models import ModelUnavailable, resolve_model

    choice = resolve_model("bundled")
    assert (choice.path / "model.bin").exists()
    with pytest.raises(ModelUnavailable) as caught:
        resolve_model("no-such-model", tmp_path)
    assert "models download no-such-model" in str(caught.value)
    with pytest.raises(ModelUnavailable):
        resolve_model(str(tmp_path))

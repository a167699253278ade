"""Audio files and devices without a device: resampling, crash-safe WAV files, reading long files in blocks."""

from __future__ import annotations

import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from mock_interview.audio import devices
from mock_interview.audio.wavfile import IncrementalWav, StreamResampler, iter_audio_blocks, read_wav, resample


def test_stream_resampler_matches_whole_signal_resampling():
    rate = 44100
    t = np.arange(rate * 2) / rate
    signal = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    resampler = StreamResampler(rate, 16000)
    pieces = [resampler.process(signal[i : i + 4410]) for i in range(0, signal.size, 4410)] + [resampler.flush()]
    streamed = np.concatenate(pieces)
    whole = resample(signal, rate, 16000)
    assert streamed.size == whole.size == 32000
    assert np.max(np.abs(streamed - whole)) < 1e-4


def test_resampling_does_not_fold_high_tones_into_the_speech_band():
    # A 12 kHz whine recorded at 48 kHz cannot be represented at 16 kHz: a low-pass filter removes
    # it; linear interpolation would fold it down to 4 kHz at full level.
    rate = 48000
    t = np.arange(rate) / rate
    whine = np.sin(2 * np.pi * 12000 * t).astype(np.float32)
    resampler = StreamResampler(rate, 16000)
    out = np.concatenate(
        [resampler.process(whine[i : i + 4800]) for i in range(0, whine.size, 4800)] + [resampler.flush()]
    )
    assert float(np.sqrt(np.mean(out[1000:-1000] ** 2))) < 0.01
    speech_band = np.sin(2 * np.pi * 1000 * t).astype(np.float32)
    kept = resample(speech_band, rate, 16000)
    assert float(np.sqrt(np.mean(kept[1000:-1000] ** 2))) == pytest.approx(0.707, abs=0.01)


def test_audio_blocks_stream_any_file_at_16k_mono(tmp_path: Path):
    import soundfile

    rate = 44100
    t = np.arange(int(rate * 5.5)) / rate
    stereo = np.stack([np.sin(2 * np.pi * 300 * t), np.sin(2 * np.pi * 300 * t)], axis=1).astype(np.float32) * 0.5
    path = tmp_path / "stereo.wav"
    soundfile.write(str(path), stereo, rate)
    blocks = list(iter_audio_blocks(path, block_seconds=1.0))
    assert len(blocks) >= 5 and max(b.size for b in blocks) <= 16000 + 1000
    streamed = np.concatenate(blocks)
    assert streamed.size == int(5.5 * 16000)
    assert np.max(np.abs(streamed - read_wav(path))) < 1e-4


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
    assert sum(block.size for block in iter_audio_blocks(path)) == 30 * 1600


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

"""Fitting and measuring the feedback checks on real, labelled answers (not part of the app).

``realdata`` loads answers and measures the checks next to trivial baselines; ``fit_feedback``
fits the STAR tagger's and the score's weights and writes them into the package.
"""

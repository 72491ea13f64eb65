"""The Qt desktop application and the ``redress`` command line (the only package that uses Qt)."""

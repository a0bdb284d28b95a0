"""Running the pipeline on piles larger than memory: a disk spool of articles on one machine
(`spool.py`), and the Dask engine for a cluster."""

"""Running the pipeline over many documents: in-process now, a Dask cluster later."""

"""Reading files into a project: readers per format, preparation in worker processes, one writer."""

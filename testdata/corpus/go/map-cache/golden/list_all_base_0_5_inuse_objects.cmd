go tool pprof -list=. -sample_index=inuse_objects -source_path=src -base heap_0.pb.gz heap_5.pb.gz

go tool pprof -list=. -unit=B -source_path=src -base heap_0.pb.gz heap_5.pb.gz

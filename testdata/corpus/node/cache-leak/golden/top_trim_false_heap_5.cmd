go tool pprof -top -trim=false heap_5.pb.gz

go tool pprof -top heap_5.pb.gz nosuch.pb.gz
